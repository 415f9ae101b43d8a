package cli

import (
	"context"
	"errors"
	"runtime"
	"sync"

	"github.com/newslint/newslint/archive"
	"github.com/newslint/newslint/config"
	"github.com/newslint/newslint/draft"
	"github.com/newslint/newslint/lint"
	"github.com/newslint/newslint/reuse"
)

// reuseRules compare drafts with the archive; runRules also with the
// other drafts of the run.
var (
	reuseRules = []string{"recycled-paragraph", "boilerplate"}
	runRules   = []string{"recycled-paragraph"}
)

// corpusSet is what each configuration's drafts are compared with: its
// archive (when there is one) and the other drafts of the run.
type corpusSet struct {
	byConfig map[*config.Config]*reuse.Corpus
	stores   []*archive.SQLite
}

func (cs *corpusSet) of(cfg *config.Config) *reuse.Corpus { return cs.byConfig[cfg] }

func (cs *corpusSet) close() {
	for _, s := range cs.stores {
		s.Close()
	}
}

// corpora opens the archives the drafts' configurations name and, when
// two or more drafts are linted with recycled-paragraph on, indexes them
// all first (a fast parse of their text only) so that each is compared
// with the others.
func (c *checker) corpora(all []source) (*corpusSet, []message) {
	cs := &corpusSet{byConfig: map[*config.Config]*reuse.Corpus{}}
	var msgs []message
	stores := map[string]*archive.SQLite{}
	wantRun := false
	for _, src := range all {
		if _, done := cs.byConfig[src.cfg]; done {
			continue
		}
		rules, err := src.cfg.Rules(src.path)
		if err != nil || !c.enabled(rules, reuseRules) {
			cs.byConfig[src.cfg] = nil
			continue
		}
		wantRun = wantRun || c.enabled(rules, runRules)
		corpus := &reuse.Corpus{}
		if path := src.cfg.Archive; path != "" {
			s, ok := stores[path]
			if !ok {
				var err error
				s, err = archive.Open(context.Background(), path, archive.Options{MustExist: true})
				switch {
				case errors.Is(err, archive.ErrNotExist):
				case err != nil:
					msgs = append(msgs, message{path: displayPath(path), text: err.Error(), fatal: true})
				default:
					cs.stores = append(cs.stores, s)
				}
				stores[path] = s
			}
			if s != nil {
				corpus.Sources = append(corpus.Sources, s)
			}
		}
		cs.byConfig[src.cfg] = corpus
	}
	if wantRun && len(all) > 1 {
		run := c.indexRun(all)
		for _, corpus := range cs.byConfig {
			if corpus != nil {
				corpus.Sources = append(corpus.Sources, run)
			}
		}
	}
	return cs, msgs
}

// enabled reports whether any of ids is on in rules, after --enable and
// --disable.
func (c *checker) enabled(rules []lint.Configured, ids []string) bool {
	for _, r := range c.applyFlags(rules) {
		for _, id := range ids {
			if r.Rule.Meta().ID == id && r.Severity != lint.Off {
				return true
			}
		}
	}
	return false
}

// indexRun reads and indexes every draft of the run, in parallel. Drafts
// that cannot be read are left out here and reported when linted.
func (c *checker) indexRun(all []source) *reuse.Index {
	idx := reuse.NewIndex("this run")
	work := make(chan source)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for src := range work {
				data := src.data
				if data == nil {
					var msg *message
					if data, msg = readDraft(src); msg != nil {
						continue
					}
				}
				doc, err := c.parser.ParseWith(src.path, data, draft.Options{Format: formatOf(src), TextOnly: true})
				if err != nil {
					continue
				}
				idx.Add(reuse.ArticleOf(doc), reuse.Paragraphs(doc))
			}
		}()
	}
	for _, src := range all {
		work <- src
	}
	close(work)
	wg.Wait()
	return idx
}

// formatOf is the format a source is parsed in.
func formatOf(src source) draft.Format {
	if src.path == "<stdin>" {
		return draft.Text
	}
	return draft.FormatOf(src.path)
}

package config

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"

	"github.com/goccy/go-yaml/ast"
	"github.com/newslint/newslint/vocab"
	"golang.org/x/text/language"
)

// vocabulary reads vocabulary: {accept: [...], reject: [...], files: [...]}.
// A file's entries are accepted words; a file may instead be given as
// {accept: path} or {reject: path}.
func (l *loader) vocabulary(c *Config, value ast.Node) error {
	pairs, ok := mappingPairs(value)
	if !ok {
		return l.errAt(value, "vocabulary: must be a mapping with accept, reject and files lists")
	}
	var accept, reject []vocab.Entry
	for _, kv := range pairs {
		key := keyString(kv)
		switch key {
		case "accept", "reject":
			items, err := l.entries(unwrap(kv.Value), "vocabulary."+key)
			if err != nil {
				return err
			}
			if key == "accept" {
				accept = append(accept, items...)
			} else {
				reject = append(reject, items...)
			}
		case "files":
			list, ok := unwrap(kv.Value).(*ast.SequenceNode)
			if !ok {
				return l.errAt(kv.Value, "vocabulary.files: must be a list of file paths")
			}
			for _, v := range list.Values {
				v = unwrap(v)
				into := &accept
				if m, ok := mappingPairs(v); ok && len(m) == 1 && (keyString(m[0]) == "accept" || keyString(m[0]) == "reject") {
					if keyString(m[0]) == "reject" {
						into = &reject
					}
					v = unwrap(m[0].Value)
				}
				name, err := l.scalar(v, "vocabulary.files")
				if err != nil {
					return err
				}
				path := name
				if !filepath.IsAbs(path) {
					path = filepath.Join(c.Dir, path)
				}
				items, ferr := vocab.ReadFile(path)
				if ferr != nil {
					var pe *fs.PathError
					if errors.As(ferr, &pe) {
						ferr = pe.Err
					}
					return l.errAt(v, fmt.Sprintf("vocabulary.files: cannot read %q: %v", name, ferr))
				}
				*into = append(*into, items...)
			}
		default:
			return l.unknownKey(kv, "vocabulary."+key, []string{"accept", "reject", "files"})
		}
	}
	v, err := vocab.New(accept, reject)
	if err != nil {
		return &Error{Path: l.path, Msg: err.Error()}
	}
	c.Vocabulary = v
	return nil
}

// entries reads a list of vocabulary entries, checking each in place.
func (l *loader) entries(value ast.Node, what string) ([]vocab.Entry, error) {
	var nodes []ast.Node
	if list, ok := value.(*ast.SequenceNode); ok {
		nodes = list.Values
	} else if _, ok := value.(*ast.NullNode); !ok {
		nodes = []ast.Node{value}
	}
	var out []vocab.Entry
	for _, v := range nodes {
		v = unwrap(v)
		s, err := l.scalar(v, what)
		if err != nil {
			return nil, err
		}
		if err := vocab.Check(s); err != nil {
			return nil, l.errAt(v, what+": "+err.Error())
		}
		out = append(out, vocab.Entry{Text: s})
	}
	return out, nil
}

// languages reads the extra languages drafts may mix in: a list of tags.
func (l *loader) languages(value ast.Node) ([]language.Tag, error) {
	var nodes []ast.Node
	if list, ok := value.(*ast.SequenceNode); ok {
		nodes = list.Values
	} else {
		nodes = []ast.Node{value}
	}
	var tags []language.Tag
	for _, v := range nodes {
		v = unwrap(v)
		s, err := l.scalar(v, "languages")
		if err != nil {
			return nil, err
		}
		tag, perr := language.Parse(s)
		if perr != nil {
			return nil, l.errAt(v, fmt.Sprintf("languages: %q is not a BCP 47 language tag such as en-US, en-GB or es", s))
		}
		tags = append(tags, tag)
	}
	return tags, nil
}

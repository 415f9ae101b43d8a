package draft

import (
	"os"
	"path/filepath"
	"testing"
)

// seedCorpus adds the example drafts and some awkward inputs.
func seedCorpus(f *testing.F, ext string) {
	for _, dir := range []string{"../testdata/drafts", "../testdata/clean"} {
		files, _ := filepath.Glob(filepath.Join(dir, "*"+ext))
		for _, p := range files {
			if b, err := os.ReadFile(p); err == nil {
				f.Add(b)
			}
		}
	}
	for _, s := range []string{
		"", "\n", "\r\n\r\n", "a", "\xef\xbb\xbfBOM first", "caf\xe9 au lait\n", "\xff\xfeh\x00i\x00",
		"# T\n\n> q &amp; \\* `c` [l](u) ![i](j)\n> more<br>\n\n| a | b |\n|---|---|\n| c | d |\n",
		"---\ntitle: x\n---\nBody the the.\n", "+++\ntitle = \"x\"\n+++\n",
		"<p>a &rsquo; b<script>x</script><!-- c --></p><li>d<td>e", "<p>&#x1F600;&#0;&bogus;&amp",
		"U.S. D.C. J.D. ’90s rock 'n' roll 1.5 1,000 https://x.y/z. me@x.y @h #t",
		"“A ‘b’ c.” \"d 'e\" f.' ’g,’ 6'2\" « h » „i“ ‚j‘ ‹k› »l« \"\n\n\"m\n\n“n”",
		"<p>&ldquo;a &lsquo;b&rsquo;</p><p>&ldquo;c&rdquo; &laquo;d&raquo; &#8220;e&#8221;</p>",
	} {
		f.Add([]byte(s))
	}
}

func fuzzParse(f *testing.F, name string) {
	seedCorpus(f, filepath.Ext(name))
	p := NewParser()
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := p.Parse(name, data)
		if err != nil {
			return // binary input
		}
		checkInvariants(t, doc)
		checkOriginal(t, data, doc)
	})
}

func FuzzParseText(f *testing.F)     { fuzzParse(f, "draft.txt") }
func FuzzParseMarkdown(f *testing.F) { fuzzParse(f, "draft.md") }
func FuzzParseHTML(f *testing.F)     { fuzzParse(f, "draft.html") }

package draft

import (
	"html"
	"strings"
	"unicode/utf8"
)

// entityAt decodes an HTML character reference (&amp; &rsquo; &#8217;
// &#x2019;) at the start of s. It returns the decoded text and the number
// of source bytes it spans, or n == 0 when s does not start with a
// reference terminated by a semicolon.
func entityAt(s string) (text string, n int) {
	if len(s) < 3 || s[0] != '&' {
		return "", 0
	}
	end := strings.IndexByte(s[1:min(len(s), 40)], ';')
	if end < 1 {
		return "", 0
	}
	ref := s[:end+2]
	for _, c := range []byte(ref[1 : len(ref)-1]) {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '#') {
			return "", 0
		}
	}
	dec := html.UnescapeString(ref)
	if dec == ref || utf8.RuneCountInString(dec) > 2 {
		return "", 0
	}
	return dec, len(ref)
}

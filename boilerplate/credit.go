package boilerplate

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A photo credit is a short line of names with no verb: an agency and
// photographers joined by slashes or "via" (JANE DOE/Getty Images,
// Reuters/John Smith, AFP via Getty Images), or names after a label
// (Photo: AP, Foto: EFE, Credit: Jane Doe, Photo by Jane Doe/AP).

// creditLabel matches the label that opens a credit, and captures what
// follows it.
var creditLabel = regexp.MustCompile(`(?i)^(?:photos?|photographs?|photography|pics?|pictures?|images?|imagen|imágenes|imagenes|fotos?|fotografías?|fotografias?|credits?|créditos?|creditos?|illustration|ilustración|ilustracion|graphic|gráfico|grafico)` +
	`(?:\s+(?:source|credit|credits|courtesy|file|de archivo))?` +
	`(?:\s*:|\s+by\b|\s+por\b|\s+courtesy of\b|\s+cortesía de\b|\s+cortesia de\b)\s*(.+)$`)

// creditConnectors are the lower-case words a credit's names may hold.
var creditConnectors = wordSet(`via for and y e de del la las los el van von der den da das do dos di du le of
	the from at para por pool file archivo handout images photo photos foto fotos staff contributor istock
	istockphoto`)

// agencies are photo agencies and wire services, and agencyPairs the
// ones whose name is two words; both in normalized form.
var (
	agencies = wordSet(`getty ap afp reuters efe epa epa-efe shutterstock alamy istock istockphoto unsplash pexels
		pixabay pool xinhua anadolu dpa zuma sipa nurphoto lightrocket upi tass ansa cuartoscuro notimex
		wireimage filmmagic imagn corbis kyodo yonhap bloomberg abaca belga anp aap sputnik`)
	agencyPairs = wordSet(`europa+press associated+press getty+images pa+images pa+wire pa+media sipa+usa
		sopa+images zuma+press zuma+wire agencia+uno prensa+latina`)
)

// wordSet makes a lookup set from a space-separated list.
func wordSet(list string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(list) {
		m[strings.ReplaceAll(w, "+", " ")] = true
	}
	return m
}

// IsCredit reports whether s, a whole line, is a photo credit.
func IsCredit(s string) bool {
	s = strings.TrimSpace(s)
	if !wordsAtMost(s, 16) {
		return false
	}
	s = strings.TrimSuffix(s, ".")
	if len(s) > 2 && (s[0] == '(' && s[len(s)-1] == ')' || s[0] == '[' && s[len(s)-1] == ']') {
		s = strings.TrimSpace(s[1 : len(s)-1])
	}
	if m := creditLabel.FindStringSubmatch(s); m != nil {
		n, ok := names(m[1])
		return ok && n <= 10
	}
	n, ok := names(s)
	return ok && n <= 12 && (strings.Contains(s, "/") || strings.Contains(s, " via ")) && hasAgency(s)
}

// names reports whether s is made of names only: capitalized words and
// the connectors names use, separated by spaces, slashes or commas, with
// at least one capitalized word. It returns the number of words.
func names(s string) (int, bool) {
	words := strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune("/,;|()&", r)
	})
	caps := 0
	for _, w := range words {
		w = strings.Trim(w, ".'’-")
		if w == "" {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case unicode.IsUpper(r):
			caps++
		case creditConnectors[Normalize(w)]:
		default:
			return 0, false
		}
	}
	return len(words), caps > 0
}

// hasAgency reports whether s names a photo agency or wire service.
func hasAgency(s string) bool {
	toks, _ := tokens(s)
	for i, t := range toks {
		if agencies[t] || i+1 < len(toks) && agencyPairs[t+" "+toks[i+1]] {
			return true
		}
	}
	return false
}

// trailingCredit returns where a credit that ends a longer line starts:
// a caption followed by its credit (The mayor at the opening. JANE
// DOE/Getty Images), or by a credit in parentheses. Only a credit naming
// an agency, or opening with a label, counts.
func trailingCredit(line string) (int, bool) {
	s := strings.TrimRightFunc(line, unicode.IsSpace)
	// A credit is a few words at the end with a slash, a colon or "by".
	from := max(0, len(s)-maxCreditLen)
	if tail := s[from:]; !strings.ContainsAny(tail, "/:") && !strings.Contains(tail, " by ") && !strings.Contains(tail, " via ") {
		return 0, false
	}
	starts := sentenceStarts(s, from)
	if strings.HasSuffix(s, ")") {
		if k := strings.LastIndexByte(s, '('); k > 0 && k >= from {
			starts = append(starts, k)
		}
	}
	for _, start := range starts {
		tail := s[start:]
		if !IsCredit(tail) {
			continue
		}
		inner := strings.Trim(tail, "()[] .")
		if creditLabel.MatchString(inner) || hasAgency(inner) {
			return start, true
		}
	}
	return 0, false
}

// maxCreditLen is the longest credit, in bytes, trailingCredit looks for.
const maxCreditLen = 160

// sentenceStarts returns the offsets in s from offset from on, left to
// right, where a sentence starts after a sentence end (". ", "? ", "! ",
// with closing marks) with a capital letter.
func sentenceStarts(s string, from int) []int {
	var out []int
	for i := max(1, from); i < len(s); i++ {
		if s[i] != ' ' || s[i-1] == ' ' {
			continue
		}
		j := strings.TrimRight(s[:i], `"')]”’`)
		if j == "" || !strings.ContainsRune(".?!", rune(j[len(j)-1])) {
			continue
		}
		k := i + 1
		for k < len(s) && s[k] == ' ' {
			k++
		}
		if r, _ := utf8.DecodeRuneInString(s[k:]); unicode.IsUpper(r) {
			out = append(out, k)
		}
	}
	return out
}

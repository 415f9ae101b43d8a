package draft

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// scratch holds buffers reused across a document's paragraphs: words and
// sentences are carved from shared chunks instead of one allocation each.
type scratch struct {
	words  []Word
	sents  []Sentence
	bounds []bound
}

// takeWords returns an empty slice with room for n words from the chunk.
func (s *scratch) takeWords(n int) []Word {
	if cap(s.words)-len(s.words) < n {
		s.words = make([]Word, 0, max(n, 1024))
	}
	return s.words[len(s.words) : len(s.words) : len(s.words)+n]
}

// takeSentences returns an empty slice with room for n sentences.

func (s *scratch) takeSentences(n int) []Sentence {
	if cap(s.sents)-len(s.sents) < n {
		s.sents = make([]Sentence, 0, max(n, 256))
	}
	return s.sents[len(s.sents) : len(s.sents) : len(s.sents)+n]
}

// analyze fills a paragraph's words and sentences from its text.
func analyze(p *Paragraph, sc *scratch) {
	// Reserve room for the usual number of words (news copy runs five to
	// six bytes a word). Keep the words in the chunk when they fit; when
	// they did not, append moved them to an array of their own and the
	// chunk's room is simply reused.
	room := len(p.Text)/4 + 8
	words := tokenize(p.Text, sc.takeWords(room))
	if len(words) <= room {
		sc.words = sc.words[:len(sc.words)+len(words)]
	}
	p.Words = words[:len(words):len(words)]
	p.mapWordSpans()
	sc.bounds = sentenceBounds(p.Text, p.Words, sc.bounds[:0])
	p.Sentences = sc.takeSentences(len(sc.bounds))
	wi := 0
	for _, b := range sc.bounds {
		first := wi
		for wi < len(p.Words) && p.Words[wi].Off < b.end {
			wi++
		}
		if first == wi {
			continue // no words: stray punctuation
		}
		p.Sentences = append(p.Sentences, Sentence{
			Span:  p.SourceSpan(b.start, b.end),
			Off:   b.start,
			Text:  p.Text[b.start:b.end],
			Words: p.Words[first:wi:wi],
		})
	}
	sc.sents = sc.sents[:len(sc.sents)+len(p.Sentences)]
	p.Sentences = p.Sentences[:len(p.Sentences):len(p.Sentences)]
}

// mapWordSpans sets each word's source span, walking the segments forward
// since words come in order.
func (p *Paragraph) mapWordSpans() {
	if len(p.segs) == 1 && p.segs[0].exact {
		base := p.segs[0].src
		for k := range p.Words {
			w := &p.Words[k]
			w.Span = Span{Start: base + w.Off, End: base + w.End()}
		}
		return
	}
	for k := range p.Words {
		w := &p.Words[k]
		w.Span = p.SourceSpan(w.Off, w.End())
	}
}

type bound struct{ start, end int }

// terminatorLead marks the bytes that may start a sentence terminator: . !
// ? and 0xE2, the first byte of … (U+2026) and ‽ (U+203D).
var terminatorLead = [256]bool{'.': true, '!': true, '?': true, 0xE2: true}

// sentenceBounds splits text into sentences. A sentence ends at . ! ? or
// an ellipsis, together with any closing quotation marks and brackets
// right after it, when white space and a plausible sentence start follow.
// Abbreviations (Mr., Gen., Jan.), initials (J.D. Vance), initialisms
// (U.S., D.C.) and decimals ($1.5 billion) do not end a sentence.
func sentenceBounds(t string, words []Word, out []bound) []bound {
	start := skipSpace(t, 0)
	wi := 0 // index of the first word at or after the scan position
	for i := start; i < len(t); {
		for i < len(t) && !terminatorLead[t[i]] {
			i++
		}
		if i >= len(t) {
			break
		}
		c := t[i]
		size := 1
		if c >= utf8.RuneSelf {
			var r rune
			r, size = utf8.DecodeRuneInString(t[i:])
			if r != '\u2026' && r != '\u203d' {
				i += size
				continue
			}
		}
		for wi < len(words) && words[wi].End() <= i {
			wi++
		}
		// A stop inside a word token (U.S., 1.5, example.com) is not a
		// sentence end unless it is the token's last byte.
		if wi < len(words) && words[wi].Off <= i && i+size < words[wi].End() {
			i = words[wi].End()
			if t[i-1] == '.' {
				i-- // the final stop of U.S. may still end the sentence
			}
			continue
		}
		j := i + size
		for j < len(t) && strings.IndexByte(".!?", t[j]) >= 0 {
			j++
		}
		j = skipClosers(t, j)
		if j < len(t) {
			r, _ := utf8.DecodeRuneInString(t[j:])
			if !unicode.IsSpace(r) {
				i = j
				continue
			}
		}
		next := skipSpace(t, j)
		if next >= len(t) || endsSentence(t, i, c, next, words, wi) {
			out = append(out, bound{start, j})
			start = next
		}
		i = j
	}
	if start < len(t) {
		end := len(t)
		for end > start {
			r, n := utf8.DecodeLastRuneInString(t[start:end])
			if !unicode.IsSpace(r) {
				break
			}
			end -= n
		}
		out = append(out, bound{start, end})
	}
	return out
}

// endsSentence decides whether the terminator at t[i] (first byte c) ends
// a sentence, given that the next sentence would start at t[next].
func endsSentence(t string, i int, c byte, next int, words []Word, wi int) bool {
	r, _ := utf8.DecodeRuneInString(t[next:])
	if unicode.IsLower(r) {
		return false // "Why?" she asked. / a strike... is coming
	}
	if c != '.' || i > 0 && t[i-1] == '.' {
		return true
	}
	// The token before the stop.
	tok := ""
	if wi < len(words) && words[wi].End() == i+1 && words[wi].Off <= i {
		tok = words[wi].Text // an initialism that kept its stop: U.S.
	} else if wi > 0 && words[wi-1].End() == i {
		tok = words[wi-1].Text
	}
	if tok == "" {
		return true
	}
	bare := strings.TrimSuffix(tok, ".")
	nextWord := leadingWord(t[next:])
	switch {
	case titleAbbreviations[bare]:
		return false // Mr. Smith, Gen. Caine
	case isInitialism(tok) || len(bare) == 1 && isUpperASCII(bare[0]):
		// U.S. Army, J. Edgar Hoover; a new sentence only before a word
		// that commonly opens one, or an opening quotation mark.
		return sentenceStarters[nextWord] || isOpeningQuote(r)
	case otherAbbreviations[bare]:
		if unicode.IsDigit(r) {
			return false // Jan. 5, No. 3
		}
		return sentenceStarters[nextWord] || isOpeningQuote(r)
	}
	return true
}

func leadingWord(s string) string {
	end := 0
	for end < len(s) && isLetterASCII(s[end]) {
		end++
	}
	return s[:end]
}

func skipSpace(t string, i int) int {
	for i < len(t) {
		r, n := utf8.DecodeRuneInString(t[i:])
		if !unicode.IsSpace(r) {
			break
		}
		i += n
	}
	return i
}

// skipClosers skips closing quotation marks and brackets.
func skipClosers(t string, j int) int {
	for j < len(t) {
		r, n := utf8.DecodeRuneInString(t[j:])
		switch r {
		case '"', '\'', ')', ']', '}', '\u201d', '\u2019', '\u00bb', '\u203a':
			j += n
			continue
		}
		break
	}
	return j
}

func isOpeningQuote(r rune) bool {
	return r == '"' || r == '\u201c' || r == '\u2018' || r == '\u00ab' || r == '\u201e'
}

// titleAbbreviations precede a name and never end a sentence.
var titleAbbreviations = setOf(
	"Mr", "Mrs", "Ms", "Dr", "Gen", "Sen", "Sens", "Rep", "Reps", "Gov", "Lt", "Col", "Sgt", "Capt", "Maj",
	"Adm", "Cmdr", "Cpl", "Pvt", "Prof", "Rev", "Hon", "Pres", "Supt", "Det", "Insp", "Fr", "Msgr", "Brig",
	"Atty", "Mt", "Ft", "St", "Messrs", "Mme", "Mlle", "Sra", "Sr", "Lic",
)

// otherAbbreviations may end a sentence; they do only when a typical
// sentence opener follows.
var otherAbbreviations = setOf(
	"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
	"Inc", "Corp", "Co", "Ltd", "Jr", "Bros", "No", "Nos", "vs", "etc", "approx", "dept", "est", "fig", "vol",
	"Ave", "Blvd", "Rd", "Ariz", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan", "Ky", "La",
	"Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "Pa", "Tenn", "Va", "Vt",
	"Wash", "Wis", "Wyo", "Ala", "Ark", "Penn",
)

// sentenceStarters are words that commonly open a sentence; after an
// abbreviation, one of them signals that the sentence did end.
var sentenceStarters = setOf(
	"The", "A", "An", "This", "That", "These", "Those", "It", "Its", "He", "She", "They", "We", "I", "You",
	"His", "Her", "Their", "Our", "My", "Your", "But", "And", "Or", "So", "Yet", "Nor", "In", "On", "At",
	"For", "From", "With", "By", "To", "Of", "As", "If", "When", "While", "After", "Before", "Since",
	"Because", "Although", "Though", "Once", "Until", "Unless", "Where", "Why", "How", "What", "Who",
	"Which", "There", "Here", "Then", "Now", "Still", "However", "Meanwhile", "Also", "Some", "Many", "Most",
	"All", "Both", "Each", "Every", "No", "None", "Only", "Even", "Other", "Such", "Last", "Next", "Earlier",
	"Later",
)

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

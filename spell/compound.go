package spell

import (
	"strings"
	"unicode/utf8"
)

// prefixes join a word without a hyphen in American usage: midmorning,
// nonemergency, overtopped.
var prefixes = []string{"anti", "bio", "counter", "cyber", "de", "eco", "ex", "geo", "inter", "intra", "macro", "mega", "micro", "mid", "mini",
	"multi", "non", "out", "over", "post", "pre", "pseudo", "re", "semi", "sub", "super", "trans", "ultra",
	"un", "under"}

// notCompoundParts are words that run into the next one only by mistake:
// eventhough, everytime, infront, noone, thankyou, aswell.
var notCompoundParts = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`a an the and or but nor so yet as at by in on of to for from with into onto upon
		even ever every never some any no none one where there here then than though through thank you your it its
		this that these those well also all each much more most such what which who how when why while`) {
		notCompoundParts[w] = true
	}
}

// compoundLogFreq is the log₂ count each part of a closed compound needs:
// common words, not the archaic or obscure ones ("ween" in "vetween").
const compoundLogFreq = 17.0

// Compound reports whether w, in lower case, is a closed compound of two
// common dictionary words of three letters or more (trailhead, floodwall) or a prefix and a dictionary word (midmorning). Function
// words never count as parts, since "eventhough" and "infront" are slips.
func (d *Dictionary) Compound(w string) bool {
	w = strings.ToLower(strings.ReplaceAll(w, "’", "'"))
	n := utf8.RuneCountInString(w)
	if n < 6 || strings.ContainsAny(w, "'-") {
		return false
	}
	for _, p := range prefixes {
		if rest, ok := strings.CutPrefix(w, p); ok && utf8.RuneCountInString(rest) >= 4 && d.words.Contains(rest) {
			return true
		}
	}
	if n < 7 {
		return false
	}
	for i := range w {
		if i == 0 {
			continue
		}
		head, tail := w[:i], w[i:]
		if utf8.RuneCountInString(head) < 3 || utf8.RuneCountInString(tail) < 3 {
			continue
		}
		if notCompoundParts[head] || notCompoundParts[tail] {
			continue
		}
		if d.words.Contains(head) && d.words.Contains(tail) && d.LogFreq(head) >= compoundLogFreq && d.LogFreq(tail) >= compoundLogFreq {
			return true
		}
	}
	return false
}

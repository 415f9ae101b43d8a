package rules

import (
	"strings"
	"testing"
)

// TestBoilerplateOptionErrors checks that bad options are rejected with
// the option's name.
func TestBoilerplateOptionErrors(t *testing.T) {
	for _, tt := range []struct {
		name string
		opts BoilerplateOptions
		want string
	}{
		{"bad phrase", BoilerplateOptions{Phrases: []string{"sign [up"}, MaxWords: 15}, `phrases: phrase "sign [up": bad word "[up"`},
		{"bad extra phrase", BoilerplateOptions{ExtraPhrases: []string{"adverts: buy now"}, MaxWords: 15}, `extra_phrases: phrase "adverts: buy now": unknown kind "adverts"`},
		{"zero words", BoilerplateOptions{MaxWords: 0}, "max_words: 0 is not a positive number of words"},
	} {
		_, err := BoilerplateRule{}.WithOptions(&tt.opts)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want one containing %q", tt.name, err, tt.want)
		}
	}
	if _, err := (BoilerplateRule{}).WithOptions(BoilerplateRule{}.DefaultOptions()); err != nil {
		t.Errorf("the defaults do not load: %v", err)
	}
}

package boilerplate

// Kind is the kind of page furniture a line is.
type Kind string

// The kinds of chrome the built-in phrase sets name. A phrase in the
// configuration may name one of them; one that names none is Furniture.
const (
	Paywall     Kind = "paywall"
	SignIn      Kind = "sign-in"
	App         Kind = "app"
	Newsletter  Kind = "newsletter"
	Related     Kind = "related"
	Share       Kind = "share"
	Cookie      Kind = "cookie"
	Rights      Kind = "rights"
	Ad          Kind = "ad"
	PhotoCredit Kind = "photo-credit"
	Repeated    Kind = "repeated"
	Furniture   Kind = "furniture"
)

// kinds lists the kinds a phrase may name, with the words a message
// calls them by.
var kinds = map[Kind]string{
	Paywall:     "paywall prompt",
	SignIn:      "sign-in prompt",
	App:         "app prompt",
	Newsletter:  "newsletter prompt",
	Related:     "related-stories label",
	Share:       "share button",
	Cookie:      "cookie notice",
	Rights:      "rights notice",
	Ad:          "advertising label",
	PhotoCredit: "photo credit",
	Repeated:    "repeated line",
	Furniture:   "page furniture",
}

// Label returns what a message calls the kind: "paywall prompt".
func (k Kind) Label() string {
	if l, ok := kinds[k]; ok {
		return l
	}
	return string(k)
}

package boilerplate

import (
	"strings"
	"testing"
)

func defaultMatcher(t *testing.T) *Matcher {
	t.Helper()
	ps, err := ParsePatterns(Builtin())
	if err != nil {
		t.Fatal(err)
	}
	m, err := NewMatcher(ps, DefaultMaxWords)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestLinePositives checks chrome of every kind, in English and Spanish.
func TestLinePositives(t *testing.T) {
	m := defaultMatcher(t)
	for _, tt := range []struct {
		line string
		kind Kind
	}{
		// Paywalls.
		{"Sign up to read this article", Paywall},
		{"Subscribe now for unlimited access", Paywall},
		{"Continue reading the main story", Paywall},
		{"Start reading", Paywall},
		{"Fourteen days free", Paywall},
		{"Start your free trial today.", Paywall},
		{"This article is only available to subscribers.", Paywall},
		{"200+ trusted sources.", Paywall},
		{"Thousands of premium titles", Paywall},
		{"Suscríbete para seguir leyendo", Paywall},
		{"Contenido exclusivo para suscriptores", Paywall},
		{"¿Ya eres suscriptor? Inicia sesión", Paywall},
		{"Sigue leyendo", Paywall},
		// Sign-in.
		{"Already a subscriber? Log in here", SignIn},
		{"Log in", SignIn},
		{"Sign in to comment", SignIn},
		{"Don’t have an account? Register", SignIn},
		{"Inicia sesión con tu cuenta", SignIn},
		{"¿No tienes cuenta? Regístrate gratis", SignIn},
		// Apps.
		{"Download the app", App},
		{"Get the Daily Ledger app for iOS and Android", App},
		{"One app. Every paper.", App},
		{"Descarga nuestra app", App},
		{"Disponible en App Store y Google Play", App},
		// Newsletters.
		{"Sign up for our morning newsletter", Newsletter},
		{"Get the best stories delivered to your inbox", Newsletter},
		{"Thanks for signing up!", Newsletter},
		{"Suscríbete a nuestro boletín diario", Paywall},
		{"Apúntate a nuestra newsletter", Newsletter},
		{"Recibe las últimas noticias en tu correo", Newsletter},
		// Related stories and sections.
		{"Related Stories", Related},
		{"Related: Harbor board delays vote again", Related},
		{"Top stories on Brightwire right now", Related},
		{"Our Picks", Related},
		{"Editor’s picks", Related},
		{"MOST READ", Related},
		{"Most read in Sport", Related},
		{"READ MORE: Ferry fares rise for the third year", Related},
		{"You may also like", Related},
		{"Noticias relacionadas", Related},
		{"Lo más leído", Related},
		{"Te puede interesar", Related},
		{"Lee también: El puerto amplía su horario", Related},
		// Share buttons.
		{"Share this article", Share},
		{"Share on Facebook", Share},
		{"Share:", Share},
		{"Facebook Twitter WhatsApp Email", Share},
		{"Follow us on Instagram", Share},
		{"Compartir en WhatsApp", Share},
		{"Compartir esta noticia", Share},
		{"Síguenos en Twitter", Share},
		// Cookies.
		{"We use cookies to improve your experience.", Cookie},
		{"This website uses cookies", Cookie},
		{"Accept all cookies", Cookie},
		{"Utilizamos cookies propias y de terceros.", Cookie},
		{"Política de cookies", Cookie},
		// Rights.
		{"© 2024 Harbor Courier. All rights reserved.", Rights},
		{"Copyright 2023 Valley Media Group", Rights},
		{"Brightwire Ltd. All Rights Reserved. Do not copy without permission.", Rights},
		{"© 2024 Diario del Valle. Todos los derechos reservados.", Rights},
		{"Queda prohibida la reproducción total o parcial de este contenido.", Rights},
		// Advertising.
		{"Advertisement", Ad},
		{"Story continues below advertisement", Ad},
		{"Publicidad", Ad},
		// Photo credits.
		{"JANE DOE/Getty Images", PhotoCredit},
		{"Reuters/John Smith", PhotoCredit},
		{"Photo: AP", PhotoCredit},
		{"Foto: EFE", PhotoCredit},
		{"Credit: Maria Lopez", PhotoCredit},
		{"Photo by Sam Ortiz/AFP via Getty Images", PhotoCredit},
		{"(AP Photo/Lena Park)", PhotoCredit},
		{"Foto: EFE/Juan Pérez", PhotoCredit},
		{"TOM REYES/AFP via Getty Images", PhotoCredit},
	} {
		got, ok := m.Line(tt.line)
		if !ok || got.Kind != tt.kind {
			t.Errorf("Line(%q) = %v %v, want %s", tt.line, got, ok, tt.kind)
			continue
		}
		if got.Start != 0 || got.End != len(tt.line) {
			t.Errorf("Line(%q) spans [%d,%d), want the whole line", tt.line, got.Start, got.End)
		}
	}
}

// TestTrailingCredit checks a caption that ends with an agency credit:
// only the credit is chrome.
func TestTrailingCredit(t *testing.T) {
	m := defaultMatcher(t)
	for _, tt := range []struct{ line, credit string }{
		{"The mayor cuts the ribbon at the new pier on Monday. LUIS VEGA/Getty Images", "LUIS VEGA/Getty Images"},
		{"Firefighters on the ridge above town. (AP Photo/Lena Park)", "(AP Photo/Lena Park)"},
		{"Vecinos limpian la plaza tras la riada. Foto: EFE/Ana Gil", "Foto: EFE/Ana Gil"},
	} {
		got, ok := m.Line(tt.line)
		if !ok || got.Kind != PhotoCredit || tt.line[got.Start:got.End] != tt.credit {
			t.Errorf("Line(%q) = %+v %v, want credit %q", tt.line, got, ok, tt.credit)
		}
	}
}

// TestLineNegatives checks reporting and ordinary copy that mentions the
// same things: none of it is chrome.
func TestLineNegatives(t *testing.T) {
	m := defaultMatcher(t)
	for _, line := range []string{
		"The paper's subscription numbers fell by a third last year.",
		"Readers who sign in to the app can comment, the editor said.",
		"Subscribers to the newsletter were told on Monday that it would close.",
		"The app had been downloaded two million times by March.",
		"Sign up to read this article, the notice told readers who had run out of free stories.",
		"Cookies were sold at the bake sale to raise money for the band.",
		"The site uses cookies to track readers across other websites, regulators found last year.",
		"The museum holds the copyright to the photographs, a spokeswoman said.",
		"All rights reserved, the lawyer wrote, is not a magic phrase.",
		"Photographer Jane Doe, who shot the fire for Getty Images, was hurt.",
		"Reuters reported on Tuesday that the deal had collapsed.",
		"The photo by Sam Ortiz won a regional prize.",
		"Already a member of the council, Ruiz won a second term.",
		"Share prices fell 4% on Friday.",
		"Related charges were dropped in May.",
		"Most read the report before the vote.",
		"It was a long night.",
		"Yes.",
		"Claudia Reyes, Tom Hale",
		"Politics",
		"By Dana Whitfield",
		"Council Approves Harbor Budget After Long Debate",
		"Today: Aug 31, 2025",
		"World News",
		"\"Subscribe to my channel,\" he told the crowd.",
		"Suscribirse al servicio cuesta diez euros al mes.",
		"Baja la demanda de la app de taxis en la ciudad",
		"El periódico perdió un tercio de sus suscriptores el año pasado.",
		"La agencia EFE informó el martes de que el acuerdo se había roto.",
		"Los lectores que inician sesión en la aplicación pueden comentar, dijo la editora.",
		"Read stories from dozens of sites, picked for you.",
		"Twenty-one days free",
		"AC/DC",
		"Facebook",
		"Instagram and TikTok",
		"The ad ran on three stations. Reuters/Ipsos found support fell to 40 percent among voters.",
	} {
		if got, ok := m.Line(line); ok {
			t.Errorf("Line(%q) = %+v, want no match", line, got)
		}
	}
}

// TestLongLines checks the word limit: a prompt phrase opening a long
// line is not chrome, and a rights line may be twice as long.
func TestLongLines(t *testing.T) {
	m := defaultMatcher(t)
	long := "Subscribe " + strings.Repeat("word ", 15)
	if _, ok := m.Line(long); ok {
		t.Errorf("a 16-word line starting with a prompt matched")
	}
	rights := "© 2024 Harbor Courier Media Group. All rights reserved. This material may not be published, broadcast, rewritten or redistributed."
	if got, ok := m.Line(rights); !ok || got.Kind != Rights {
		t.Errorf("Line(%q) = %+v %v, want a rights line", rights, got, ok)
	}
	short, _ := NewMatcher(nil, 3)
	if _, ok := short.Line("Photo: AP"); !ok {
		t.Errorf("credits do not depend on the phrase list")
	}
}

// TestRepeats checks the repeated-line test.
func TestRepeats(t *testing.T) {
	m := defaultMatcher(t)
	for _, tt := range []struct {
		prev, line string
		want       bool
	}{
		{"Harbor Courier", "Harbor Courier", true},
		{"Harbor  Courier", "harbor courier", true},
		{"Location Details", "Location Details ", true},
		{"Yes.", "Yes.", false},
		{"Why?", "Why?", false},
		{"Auckland", "Auckland", false},
		{"2024", "2024", false},
		{"12  14  9", "12  14  9", false},
		{"Mayor\tYes", "Mayor\tYes", false},
		{"“Lock her up”", "“Lock her up”", false},
		{"Harbor Courier", "Harbor Gazette", false},
	} {
		if got := m.Repeats(tt.prev, tt.line); got != tt.want {
			t.Errorf("Repeats(%q, %q) = %v, want %v", tt.prev, tt.line, got, tt.want)
		}
	}
}

// TestNormalize checks the normal form lines are compared in.
func TestNormalize(t *testing.T) {
	for in, want := range map[string]string{
		"  Related   Stories: ": "related stories",
		"Don’t miss…":           "don't miss",
		"Inicia Sesión":         "inicia sesion",
		"«Hola»":                `"hola`,
	} {
		if got := Normalize(in); got != want {
			t.Errorf("Normalize(%q) = %q, want %q", in, got, want)
		}
	}
}

package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// End-to-end tests: TestMain builds the binary once, and each test runs it
// as a user would, checking standard output, standard error and the exit
// status.

var update = flag.Bool("update", false, "rewrite the golden files in testdata/e2e")

var binary string

// repoRoot is where the tests run the binary, so paths in output are the
// ones a user at the top of a checkout sees.
var repoRoot = func() string {
	wd, _ := os.Getwd()
	return filepath.Dir(filepath.Dir(wd))
}()

func TestMain(m *testing.M) {
	flag.Parse()
	dir, err := os.MkdirTemp("", "newslint-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	binary = filepath.Join(dir, "newslint")
	goTool := filepath.Join(runtime.GOROOT(), "bin", "go")
	if _, err := os.Stat(goTool); err != nil {
		goTool = "go"
	}
	if out, err := exec.Command(goTool, "build", "-o", binary, ".").CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "building newslint: %v\n%s", err, out)
		os.Exit(2)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

type result struct {
	stdout, stderr string
	code           int
}

// run runs the binary in dir (the repository root when empty) with args.
func run(t *testing.T, dir, stdin string, args ...string) result {
	t.Helper()
	if dir == "" {
		dir = repoRoot
	}
	cmd := exec.Command(binary, args...)
	cmd.Dir = dir
	cmd.Stdin = strings.NewReader(stdin)
	cmd.Env = append(os.Environ(), "NO_COLOR=")
	return runCmd(t, cmd)
}

// runCmd runs a prepared command and returns its output and exit status;
// only a failure to start it fails the test.
func runCmd(t *testing.T, cmd *exec.Cmd) result {
	t.Helper()
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("run %v: %v", cmd.Args, err)
	}
	return result{out.String(), errOut.String(), code}
}

func (r result) expect(t *testing.T, code int, stdoutHas, stderrHas []string) {
	t.Helper()
	if r.code != code {
		t.Errorf("exit status %d, want %d\nstdout:\n%s\nstderr:\n%s", r.code, code, r.stdout, r.stderr)
	}
	for _, s := range stdoutHas {
		if !strings.Contains(r.stdout, s) {
			t.Errorf("stdout lacks %q:\n%s", s, r.stdout)
		}
	}
	for _, s := range stderrHas {
		if !strings.Contains(r.stderr, s) {
			t.Errorf("stderr lacks %q:\n%s", s, r.stderr)
		}
	}
}

// writeFiles creates files (name -> content) under a new temporary
// directory and returns it.
func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// cliCase is one run of the binary and what it must print and return.
type cliCase struct {
	name      string
	args      []string
	code      int
	stdoutHas []string
	stderrHas []string
}

func runCases(t *testing.T, dir string, cases []cliCase) {
	t.Helper()
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			run(t, dir, "", tt.args...).expect(t, tt.code, tt.stdoutHas, tt.stderrHas)
		})
	}
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./cmd/newslint -update)", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s (run with -update to accept):\n%s", path, got)
	}
}

// TestExampleDrafts lints the shipped example drafts, the README's run
// command, in every format.
func TestExampleDrafts(t *testing.T) {
	for _, format := range []string{"text", "json", "github", "sarif", "checkstyle", "junit", "rdjson", "gitlab"} {
		r := run(t, "", "", "--format", format, "testdata/drafts")
		if r.code != 1 || r.stderr != "" {
			t.Errorf("%s: exit %d, stderr %q; want 1 and nothing on stderr", format, r.code, r.stderr)
		}
		golden(t, "drafts."+format+".golden", r.stdout)
	}
}

// TestDeterministic checks that parallel workers do not change the output.
func TestDeterministic(t *testing.T) {
	first := run(t, "", "", "--format", "json", "testdata/drafts", "testdata/clean")
	for range 5 {
		if again := run(t, "", "", "--format", "json", "testdata/drafts", "testdata/clean"); again.stdout != first.stdout {
			t.Fatal("output changed between runs")
		}
	}
}

func TestCleanCorpusExitsZero(t *testing.T) {
	files, err := filepath.Glob("../../testdata/clean/*")
	if err != nil || len(files) < 30 {
		t.Fatalf("clean corpus: %d files, %v; want at least 30", len(files), err)
	}
	want := fmt.Sprintf("%d files checked: no problems found", len(files))
	run(t, "", "", "testdata/clean").expect(t, 0, []string{want}, nil)
}

func TestJSONShape(t *testing.T) {
	r := run(t, "", "", "--format", "json", "testdata/drafts")
	var out struct {
		Version  int              `json:"version"`
		Files    int              `json:"files"`
		Findings []map[string]any `json:"findings"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatalf("invalid JSON: %v\n%s", err, r.stdout)
	}
	if out.Version != 1 || out.Files != 5 || len(out.Findings) == 0 {
		t.Fatalf("version %d, files %d, %d findings", out.Version, out.Files, len(out.Findings))
	}
	for _, key := range []string{"path", "rule", "severity", "message", "line", "column", "end_line", "end_column", "offset", "end_offset", "suggestions", "related"} {
		if _, ok := out.Findings[0][key]; !ok {
			t.Errorf("finding lacks %q", key)
		}
	}
	// Offsets point at the flagged text in the original file: the first
	// repeated word, "the the".
	var f map[string]any
	for _, finding := range out.Findings {
		if finding["rule"] == "repeated-word" {
			f = finding
			break
		}
	}
	if f == nil {
		t.Fatal("no repeated-word finding in the example drafts")
	}
	data, err := os.ReadFile(filepath.Join(repoRoot, f["path"].(string)))
	if err != nil {
		t.Fatal(err)
	}
	span := string(data[int(f["offset"].(float64)):int(f["end_offset"].(float64))])
	if !strings.HasPrefix(strings.ToLower(span), "the") {
		t.Errorf("offsets select %q", span)
	}
}

func TestFlags(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"story.md": "Intro.\n\nThe the vote passed.\n",
		"old.txt":  "Caf\xe9 owners met.\n", // a warning (bad-input), no error
	})
	tests := []cliCase{
		{"default fail level", []string{"old.txt"}, 0, []string{"old.txt:1:4 warning bad-input"}, nil},
		{"fail on warnings", []string{"--fail-level", "warning", "old.txt"}, 1, nil, nil},
		{"fail on info", []string{"--fail-level=info", "old.txt"}, 1, nil, nil},
		{"quiet hides warnings", []string{"--quiet", "--fail-level", "warning", "old.txt", "story.md"}, 1, []string{"story.md:3:1 error repeated-word"}, nil},
		{"disable", []string{"--disable", "repeated-word", "story.md"}, 0, []string{"1 file checked: no problems found"}, nil},
		{"check subcommand", []string{"check", "story.md"}, 1, []string{"repeated word"}, nil},
		{"unknown rule", []string{"--enable", "repeted-word", "story.md"}, 2, nil, []string{`--enable: unknown rule "repeted-word"; did you mean "repeated-word"?`}},
		{"bad fail level", []string{"--fail-level", "fatal", "story.md"}, 2, nil, []string{"--fail-level"}},
		{"bad format", []string{"--format", "xml", "story.md"}, 2, nil, []string{`unknown format "xml"`}},
		{"two formats on stdout", []string{"--format", "json", "--format", "text", "story.md"}, 2, nil, []string{"only one format"}},
		{"bad color", []string{"--color", "sometimes", "story.md"}, 2, nil, []string{"--color"}},
		{"unknown flag", []string{"--frobnicate", "story.md"}, 2, nil, []string{"unknown flag: --frobnicate"}},
		{"no path", nil, 2, nil, []string{"no PATH given"}},
		{"version", []string{"--version"}, 0, []string{"newslint 0.1.0"}, nil},
		{"help", []string{"--help"}, 0, []string{"--fail-level", "Exit status"}, nil},
	}
	runCases(t, dir, tests)
}

func TestColor(t *testing.T) {
	dir := writeFiles(t, map[string]string{"a.md": "Intro.\n\nThe the end.\n"})
	if r := run(t, dir, "", "--color", "always", "a.md"); !strings.Contains(r.stdout, "\x1b[") {
		t.Errorf("--color always gave no escapes:\n%q", r.stdout)
	}
	for _, args := range [][]string{{"--color", "never", "a.md"}, {"a.md"}} {
		if r := run(t, dir, "", args...); strings.Contains(r.stdout, "\x1b[") {
			t.Errorf("%v (not a terminal) gave escapes:\n%q", args, r.stdout)
		}
	}
}

func TestFormatToFile(t *testing.T) {
	dir := writeFiles(t, map[string]string{"a.md": "Intro.\n\nThe the end.\n"})
	r := run(t, dir, "", "--format", "text", "--format", "sarif=out.sarif", "--format", "json=out.json", "a.md")
	r.expect(t, 1, []string{"a.md:3:1 error repeated-word"}, nil)
	for _, name := range []string{"out.sarif", "out.json"} {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil || !json.Valid(data) || !bytes.Contains(data, []byte("repeated-word")) {
			t.Errorf("%s: %v, %d bytes", name, err, len(data))
		}
	}
}

func TestStdin(t *testing.T) {
	// The name's extension picks Markdown, where emphasis is markup.
	r := run(t, "", "Intro.\n\nIt was **the** the plan.\n", "--stdin-filename", "story.md", "-")
	r.expect(t, 1, []string{"story.md:3:10 error repeated-word repeated word \"the\""}, nil)
	// Without a name the input is plain text, where ** is just text.
	run(t, "", "Intro.\n\nIt was **the** the plan.\n", "-").expect(t, 0, []string{"1 file checked: no problems found"}, nil)
	run(t, "", "Intro.\n\nIt was the the plan.\n", "-").expect(t, 1, []string{"<stdin>:3:8 error repeated-word"}, nil)
}

// TestBadInput covers the inputs a newsroom's files throw at a linter.
func TestBadInput(t *testing.T) {
	big := strings.Repeat("The council met on Tuesday and approved the budget. ", 1<<20) // 52 MB
	dir := writeFiles(t, map[string]string{
		"latin1.txt":     "Caf\xe9 owners ask for patio fees review\n\nThe council\x92s vote on the the fees is next week.\n",
		"binary.txt":     "GIF89a\x00\x01\x02\x00",
		"empty.md":       "",
		"utf16.txt":      "\xff\xfeT\x00h\x00e\x00 \x00t\x00h\x00e\x00 \x00e\x00n\x00d\x00.\x00",
		"bom.md":         "\xef\xbb\xbfIntro.\n\nThe the end.\n",
		"big.txt":        big,
		"nodrafts/a.csv": "a,b\n",
	})
	tests := []cliCase{
		{"latin-1", []string{"latin1.txt"}, 1, []string{
			"latin1.txt:1:4 warning bad-input file is not valid UTF-8 (first invalid byte at line 1, column 4); read as Windows-1252",
			"latin1.txt:3:23 error repeated-word"}, nil},
		{"binary", []string{"binary.txt"}, 0, []string{"0 files checked (1 not checked, see above)"}, []string{"binary.txt: binary file (NUL byte at offset 6), skipped"}},
		{"empty", []string{"empty.md"}, 0, []string{"1 file checked: no problems found"}, nil},
		{"utf-16", []string{"utf16.txt"}, 1, []string{"utf16.txt:1:1 error repeated-word"}, nil},
		{"byte-order mark", []string{"bom.md"}, 1, []string{"bom.md:3:1 error repeated-word"}, nil},
		{"50 MB", []string{"big.txt"}, 2, nil, []string{"big.txt: skipped: file is 52.0 MB, over the 10.0 MB limit (files.max_size)"}},
		{"missing file", []string{"nope.md", "empty.md"}, 2, []string{"1 file checked (1 not checked, see above): no problems found"}, []string{"nope.md: no such file or directory"}},
		{"directory without drafts", []string{"nodrafts"}, 2, nil, []string{"nodrafts: no drafts found (looked for **/*.md"}},
	}
	runCases(t, dir, tests)
	// The JSON offsets of the Latin-1 file are offsets in the original
	// bytes (61), not in the decoded text, where é and ’ take 2 and 3
	// bytes (64).
	r := run(t, dir, "", "--format", "json", "latin1.txt")
	if !strings.Contains(r.stdout, `"offset": 61`) {
		t.Errorf("Latin-1 offsets should count original bytes:\n%s", r.stdout)
	}
}

func TestBadConfig(t *testing.T) {
	tests := []struct {
		config string
		want   string
	}{
		{"langauge: en-US\n", `.newslint.yml:1:1: unknown key "langauge"; did you mean "language"?`},
		{"rules:\n  repeated-word:\n    severity: loud\n", `.newslint.yml:3:15: rules.repeated-word.severity: unknown severity "loud"`},
		{"rules:\n  repeated-word:\n    alow: [x]\n", `.newslint.yml:3:5: rules.repeated-word: unknown option`},
		{"language: [en\n", `.newslint.yml:1:`},
		{"files:\n  max_size: big\n", `.newslint.yml:2:13: files.max_size: "big" is not a size`},
	}
	for _, tt := range tests {
		dir := writeFiles(t, map[string]string{".newslint.yml": tt.config, "a.md": "Fine.\n"})
		run(t, dir, "", "a.md").expect(t, 2, nil, []string{tt.want})
		// --config names the file the same way.
		run(t, "", "", "--config", filepath.Join(dir, ".newslint.yml"), filepath.Join(dir, "a.md")).expect(t, 2, nil, []string{"newslint.yml:"})
	}
	run(t, "", "", "--config", "no/such.yml", "testdata/clean").expect(t, 2, nil, []string{"no/such.yml"})
}

// TestConfigDiscovery checks the walk up to the repository root, nested
// configurations, include and exclude globs, and the directories that are
// never walked.
func TestConfigDiscovery(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		".git/HEAD":                  "ref: refs/heads/main\n",
		".newslint.yml":              "files:\n  exclude: [\"archive/**\"]\nrules:\n  repeated-word: warning\n",
		"news/a.md":                  "Intro.\n\nThe the news.\n",
		"news/b.html":                "<p>And and more.</p>",
		"news/notes.rst":             "The the notes.\n",
		"archive/old.md":             "The the old story.\n",
		"opinion/.newslint.yml":      "rules:\n  repeated-word: off\n",
		"opinion/c.md":               "The the column.\n",
		"node_modules/pkg/readme.md": "The the package.\n",
		"vendor/lib/notes.txt":       "The the vendored file.\n",
		".git/info/description.txt":  "The the git file.\n",
		"news/deep/er/d.markdown":    "Intro.\n\nWas was deep.\n",
		"news/deep/er/e.htm":         "<p>it it</p>",
		"news/deep/er/f.txt":         "Intro.\n\nto to\n",
		"news/SHOUT.MD":              "Intro.\n\nof of course.\n",
	})
	r := run(t, dir, "", "--format", "json", ".")
	if r.code != 0 {
		t.Errorf("exit %d, want 0 (repeated-word is a warning here)\n%s", r.code, r.stderr)
	}
	var out struct {
		Files    int `json:"files"`
		Findings []struct {
			Path     string `json:"path"`
			Severity string `json:"severity"`
		} `json:"findings"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range out.Findings {
		got = append(got, filepath.ToSlash(f.Path)+":"+f.Severity)
	}
	want := "news/SHOUT.MD:warning news/a.md:warning news/b.html:warning news/deep/er/d.markdown:warning news/deep/er/e.htm:warning news/deep/er/f.txt:warning"
	if strings.Join(got, " ") != want || out.Files != 7 {
		t.Errorf("files %d, findings %v\nwant 7 files, %s", out.Files, got, want)
	}
	// A file named on the command line is linted whatever its extension,
	// unless excluded.
	run(t, dir, "", "news/notes.rst").expect(t, 0, []string{"news/notes.rst:1:1 warning repeated-word"}, nil)
	run(t, dir, "", "archive/old.md").expect(t, 0, []string{"0 files checked"}, []string{"archive/old.md: skipped: excluded by files.exclude in"})
}

func TestDirectives(t *testing.T) {
	dir := writeFiles(t, map[string]string{"a.md": "Intro.\n\n<!-- newslint-disable-next-line repeated-word -->\nThe the first.\n\n<!-- newslint-disable-next-line repeted-word -->\nThe the second.\n"})
	r := run(t, dir, "", "a.md")
	r.expect(t, 1, []string{"a.md:6:1 warning bad-directive", "a.md:7:1 error repeated-word"}, nil)
	if strings.Contains(r.stdout, "a.md:4:") {
		t.Errorf("suppressed finding reported:\n%s", r.stdout)
	}
}

func TestRulesInitCompletion(t *testing.T) {
	r := run(t, "", "", "rules")
	r.expect(t, 0, []string{"RULE", "repeated-word", "error", "the same word twice in a row", "bad-input", "bad-directive"}, nil)

	dir := t.TempDir()
	run(t, dir, "", "init").expect(t, 0, []string{"wrote .newslint.yml"}, nil)
	data, err := os.ReadFile(filepath.Join(dir, ".newslint.yml"))
	if err != nil || !bytes.Contains(data, []byte("repeated-word:")) {
		t.Fatalf("init wrote %q, %v", data, err)
	}
	run(t, dir, "", "init").expect(t, 2, nil, []string{".newslint.yml already exists; not overwriting it"})
	if again, _ := os.ReadFile(filepath.Join(dir, ".newslint.yml")); !bytes.Equal(again, data) {
		t.Error("init changed the existing file")
	}
	// The written configuration loads and lints with the defaults.
	if err := os.WriteFile(filepath.Join(dir, "a.md"), []byte("Intro.\n\nThe the end.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	run(t, dir, "", "a.md").expect(t, 1, []string{"a.md:3:1 error repeated-word"}, nil)

	for _, shell := range []string{"bash", "zsh", "fish"} {
		run(t, "", "", "completion", shell).expect(t, 0, []string{"newslint"}, nil)
	}
	// Flag values complete from the rule list.
	run(t, "", "", "__complete", "--disable", "").expect(t, 0, []string{"repeated-word"}, nil)
}

// TestNeverWrites checks that linting leaves every file untouched.
func TestNeverWrites(t *testing.T) {
	content := "Intro.\n\nThe the end.\n"
	dir := writeFiles(t, map[string]string{"a.md": content})
	before, _ := os.Stat(filepath.Join(dir, "a.md"))
	run(t, dir, "", "--format", "json", "a.md")
	after, _ := os.Stat(filepath.Join(dir, "a.md"))
	data, _ := os.ReadFile(filepath.Join(dir, "a.md"))
	if string(data) != content || !after.ModTime().Equal(before.ModTime()) {
		t.Error("linting changed the file")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("linting created files: %v", entries)
	}
}

// TestDocs keeps the README, the example configuration and CI honest: the
// README names the run and test commands and every rule, the example
// configuration covers every rule and loads, CI runs the README's test
// command, and the project's own documents pass newslint.
func TestDocs(t *testing.T) {
	read := func(name string) string {
		data, err := os.ReadFile(filepath.Join(repoRoot, name))
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	readme, example, ci := read("README.md"), read(".newslint.yml"), read(".ci/run")
	for _, cmd := range []string{"go run ./cmd/newslint testdata/drafts", "go test ./..."} {
		if !strings.Contains(readme, cmd) {
			t.Errorf("README lacks the command %q", cmd)
		}
	}
	if !strings.Contains(ci, "go test ./...") {
		t.Error(".ci/run does not run the README's test command")
	}
	rules := run(t, "", "", "rules")
	for _, line := range strings.Split(strings.TrimSpace(rules.stdout), "\n")[1:] {
		id := strings.Fields(line)[0]
		if !strings.Contains(readme, "| `"+id+"` |") {
			t.Errorf("README's rule table lacks %s", id)
		}
		if !strings.Contains(example, "  "+id+":") {
			t.Errorf(".newslint.yml lacks %s (regenerate it with newslint init)", id)
		}
	}
	run(t, "", "", "--config", ".newslint.yml", "testdata/clean").expect(t, 0, nil, nil)
	run(t, "", "", "README.md", "CONTRIBUTING.md", "THIRD_PARTY.md").expect(t, 0, []string{"3 files checked: no problems found"}, nil)
}

// TestQuoteLanguage checks that the configured language and a draft's own
// front matter pick the quotation conventions broken-quote applies, and
// that its findings and fixes reach the JSON output.
func TestQuoteLanguage(t *testing.T) {
	nested := "‘She told me, ‘Sign it,’ and I did,’ he said.\n"
	dir := writeFiles(t, map[string]string{
		"us/a.md":                "“She told me, ‘Sign it,’ and I did,” he said.\n",
		"gb/.newslint.yml":       "language: en-GB\n",
		"gb/a.md":                "‘She told me, “Sign it,” and I did,’ he said.\n",
		"gb/nested.md":           nested,
		"gb/us-draft.md":         "---\nlang: en-US\n---\n\n“She told me, ‘Sign it,’ and I did,” he said.\n",
		"de/.newslint.yml":       "language: de\n",
		"de/a.md":                "“Wir sind bereit”, sagte er.\n",
		"straight/.newslint.yml": "rules:\n  broken-quote:\n    style: bent\n",
		"straight/a.md":          "\"Hi,\" she said.\n",
	})
	runCases(t, dir, []cliCase{
		{"american", []string{"us"}, 0, []string{"1 file checked: no problems found"}, nil},
		{"british", []string{"gb/a.md", "gb/us-draft.md"}, 0, []string{"2 files checked: no problems found"}, nil},
		{"british nesting", []string{"gb/nested.md"}, 1, []string{
			"gb/nested.md:1:15 error broken-quote quotation ‘Sign it,’ inside the quotation"}, nil},
		{"german", []string{"--format", "json", "de"}, 1, []string{
			`"message": "German quotations do not open with “: use „"`, `"text": "„"`}, nil},
		{"bad option", []string{"straight"}, 2, nil, []string{`straight/.newslint.yml:3:5`, `style: "bent" is not one of any, curly, straight, consistent`}},
	})
}

// TestArchive drives the archive commands and a check against the archive,
// in order, as a newsroom would.
func TestArchive(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		".git/HEAD": "ref: refs/heads/main\n",
		"published/ferry.md": "---\ntitle: Ferry fares rise\ndate: 2025-03-04\n---\n\n" +
			"The ferry authority voted on Tuesday to raise the adult fare from $4.50 to $5.25, the first increase in six years.\n\n" +
			"Ridership has recovered to about 9,000 trips a day, the authority said.\n",
		"published/bridge.txt": "Bridge closes\n\nThe Kessler Street bridge will close for eighteen months from June while engineers replace its bearings.\n",
		"drafts/new.md": "# Fares rise today\n\nRiders paid more on Monday.\n\n" +
			"The ferry authority voted in March to raise the adult fare from $4.50 to $5.25, the first increase in six years.\n",
		"other/.newslint.yml": "archive:\n  colour: blue\n",
		"other/a.md":          "Text.\n",
	})
	runCases(t, dir, []cliCase{
		{"list before any add", []string{"archive", "list"}, 2, nil, []string{"no archive at .newslint/archive.db", "newslint archive add"}},
		{"check without an archive", []string{"drafts"}, 0, []string{"1 file checked: no problems found"}, nil},
		{"add", []string{"archive", "add", "published"}, 0, []string{"2 added, 0 replaced, 0 unchanged"}, nil},
		{"add again", []string{"archive", "add", "published"}, 0, []string{"0 added, 0 replaced, 2 unchanged"}, nil},
		{"list", []string{"archive", "list"}, 0, []string{"published/ferry.md", "2025-03-04", "Ferry fares rise", "published/bridge.txt"}, nil},
		{"stats", []string{"archive", "stats"}, 0, []string{"articles     2", "paragraphs   3", "size on disk"}, nil},
		{"check", []string{"--format", "json", "drafts"}, 0, []string{`"rule": "recycled-paragraph"`,
			`paragraph recycled from published/ferry.md:6 (\"Ferry fares rise\", 2025-03-04)`, `[-on Tuesday-] {+in March+}`}, nil},
		{"fail on warnings", []string{"--fail-level", "warning", "drafts"}, 1, []string{"recycled-paragraph"}, nil},
		{"an archived article is not its own source", []string{"published"}, 0, []string{"2 files checked: no problems found"}, nil},
		{"remove", []string{"archive", "remove", "published/ferry.md"}, 0, []string{"removed published/ferry.md"}, nil},
		{"remove again", []string{"archive", "remove", "published/ferry.md"}, 2, nil, []string{"published/ferry.md: not in the archive"}},
		{"check after remove", []string{"drafts"}, 0, []string{"1 file checked: no problems found"}, nil},
		{"add a missing file", []string{"archive", "add", "nowhere.md"}, 2, nil, []string{"nowhere.md: no such file or directory"}},
		{"bad archive config", []string{"archive", "stats", "--config", "other/.newslint.yml"}, 2, nil, []string{"other/.newslint.yml:2:3", `unknown key "colour" (known: path)`}},
		{"archive elsewhere", []string{"archive", "--archive", "elsewhere.db", "add", "published/bridge.txt"}, 0, []string{"1 added", "elsewhere.db"}, nil},
	})
}

package reporter_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newslint/newslint/reporter"
)

// ghReview is the part of a "create a review" request
// (POST /repos/{owner}/{repo}/pulls/{number}/reviews) the test reads.
type ghReview struct {
	CommitID string `json:"commit_id"`
	Event    string `json:"event"`
	Body     string `json:"body"`
	Comments []struct {
		Path      string `json:"path"`
		Line      int    `json:"line"`
		Side      string `json:"side"`
		StartLine int    `json:"start_line"`
		StartSide string `json:"start_side"`
		Body      string `json:"body"`
	} `json:"comments"`
}

// TestReviewdogSuggestions runs reviewdog's github-pr-review reporter on
// the fixture's rdjson output, against a fake GitHub API, and checks that
// the review it posts turns every suggestion into a GitHub suggestion
// block which, applied the way GitHub applies it (the block replaces the
// commented lines), gives exactly the draft with the suggestion applied.
func TestReviewdogSuggestions(t *testing.T) {
	bin, err := exec.LookPath("reviewdog")
	if err != nil {
		t.Skip("reviewdog not found: go install github.com/reviewdog/reviewdog/cmd/reviewdog@latest (.ci/run installs v0.17.4)")
	}
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not found: the test builds the pull request and its diff with git")
	}

	// The pull request: a base commit without the drafts, a head commit
	// adding them, so every line is in the diff GitHub serves.
	repo := t.TempDir()
	git := func(args ...string) string {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-c", "user.name=newslint test", "-c", "user.email=test@example.invalid",
			"-c", "commit.gpgsign=false", "-c", "core.autocrlf=false"}, args...)...)
		cmd.Dir = repo
		cmd.Env = append(ghCleanEnv(), "GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL="+os.DevNull)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return string(out)
	}
	git("init", "-q")
	git("commit", "-q", "--allow-empty", "-m", "base")
	base := strings.TrimSpace(git("rev-parse", "HEAD"))
	texts := map[string]string{}
	for _, s := range []source{council, vote} {
		texts[s.path] = s.text
		path := filepath.Join(repo, filepath.FromSlash(s.path))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(s.text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	git("add", "--", ".")
	git("commit", "-q", "-m", "drafts")
	head := strings.TrimSpace(git("rev-parse", "HEAD"))
	// What GitHub serves as the pull request's diff is git's.
	prDiff := git("diff", "--no-ext-diff", "--no-textconv", "--no-color", "--no-renames",
		"--src-prefix=a/", "--dst-prefix=b/", base, head)

	const (
		owner, name, number = "newslint", "drafts", "7"
		token               = "test-token"
	)
	var (
		mu         sync.Mutex
		reviews    []string // request bodies
		auth       []string
		unexpected []string
	)
	pr := "/api/v3/repos/" + owner + "/" + name + "/pulls/" + number
	mux := http.NewServeMux()
	mux.HandleFunc("GET "+pr, func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Accept") != "application/vnd.github.v3.diff" {
			// Not 406, which makes reviewdog fall back to git fetch.
			http.Error(w, "the test serves only the diff", http.StatusUnsupportedMediaType)
			return
		}
		io.WriteString(w, prDiff)
	})
	mux.HandleFunc("GET "+pr+"/comments", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, "[]")
	})
	mux.HandleFunc("POST "+pr+"/reviews", func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(r.Body)
		mu.Lock()
		defer mu.Unlock()
		if err != nil {
			unexpected = append(unexpected, "reading the review: "+err.Error())
		}
		reviews = append(reviews, string(body))
		auth = append(auth, r.Header.Get("Authorization"))
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"id": 1, "state": "COMMENTED"}`)
	})
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		unexpected = append(unexpected, r.Method+" "+r.URL.String())
		mu.Unlock()
		http.NotFound(w, r)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	event := filepath.Join(t.TempDir(), "event.json")
	ev := `{"action": "synchronize", "number": ` + number + `,
		"pull_request": {"number": ` + number + `,
			"head": {"sha": "` + head + `", "ref": "drafts", "repo": {"owner": {"id": 1}}},
			"base": {"sha": "` + base + `", "ref": "main", "repo": {"owner": {"id": 1}}}},
		"repository": {"name": "` + name + `", "owner": {"login": "` + owner + `"}}}`
	if err := os.WriteFile(event, []byte(ev), 0o644); err != nil {
		t.Fatal(err)
	}
	env := append(ghCleanEnv(),
		"GITHUB_ACTIONS=true",
		"GITHUB_EVENT_NAME=pull_request",
		"GITHUB_EVENT_PATH="+event,
		"GITHUB_REPOSITORY="+owner+"/"+name,
		"GITHUB_SHA="+head,
		"GITHUB_API="+srv.URL+"/api/v3/", // as for GitHub Enterprise
		"GITHUB_API_URL="+srv.URL+"/api/v3",
		"GITHUB_SERVER_URL="+srv.URL,
		"REVIEWDOG_GITHUB_API_TOKEN="+token,
	)
	rd := func(input string) ([]byte, error) {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		cmd := exec.CommandContext(ctx, bin, "-f=rdjson", "-reporter=github-pr-review", "-filter-mode=added", "-name=newslint")
		cmd.Dir = repo
		cmd.Env = env
		cmd.Stdin = strings.NewReader(input)
		return cmd.CombinedOutput()
	}

	run := fullRun(t)
	input := report(t, reporter.RDJSON{}, run)
	out, err := rd(input)
	if err != nil && strings.Contains(string(out), `unknown field "related_locations"`) {
		// As in TestReviewdog: reviewdog before v0.18 predates them.
		t.Logf("this reviewdog predates related_locations; retrying without them")
		out, err = rd(withoutRelated(t, input))
	}
	if err != nil {
		t.Fatalf("reviewdog: %v\n%s", err, out)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(unexpected) > 0 {
		t.Errorf("unexpected requests to the fake GitHub API: %q", unexpected)
	}
	if len(reviews) != 1 {
		t.Fatalf("reviewdog posted %d reviews, want 1; its output:\n%s", len(reviews), out)
	}
	if auth[0] != "Bearer "+token {
		t.Errorf("review posted with Authorization %q", auth[0])
	}
	var review ghReview
	if err := json.Unmarshal([]byte(reviews[0]), &review); err != nil {
		t.Fatalf("review is not JSON: %v\n%s", err, reviews[0])
	}
	if review.CommitID != head || review.Event != "COMMENT" {
		t.Errorf("review on %q, event %q; want %q, COMMENT", review.CommitID, review.Event, head)
	}
	for _, c := range review.Comments {
		t.Logf("%s:%d (from %d):\n%s", c.Path, c.Line, c.StartLine, c.Body)
	}

	findings := run.Findings()
	if len(review.Comments) != len(findings) {
		t.Errorf("%d review comments, want one per finding (%d)", len(review.Comments), len(findings))
	}
	suggestions := 0
	for _, f := range findings {
		// GitHub comments on the lines of the first suggestion, or else of
		// the finding: a suggestion block replaces those lines.
		start, end := f.Start.Line, f.End.Line
		if len(f.Suggestions) > 0 {
			start, end = f.Suggestions[0].Start.Line, f.Suggestions[0].End.Line
		}
		var body string
		n := 0
		for _, c := range review.Comments {
			if c.Path == f.Path && strings.Contains(c.Body, f.Message) {
				n++
				body = c.Body
				wantStart := 0 // only for comments on several lines
				if start < end {
					wantStart = start
				}
				if c.Line != end || c.StartLine != wantStart || c.Side != "RIGHT" {
					t.Errorf("%s: comment on line %d from %d (%s), want %d from %d (RIGHT)", f.Rule, c.Line, c.StartLine, c.Side, end, wantStart)
				}
			}
		}
		if n != 1 {
			t.Errorf("%s: %d comments on %s with its message, want 1", f.Rule, n, f.Path)
			continue
		}
		if strings.Contains(body, "reviewdog suggestion error") {
			t.Errorf("%s: reviewdog rejected the suggestion:\n%s", f.Rule, body)
		}
		blocks, ok := suggestionBlocks(body)
		if !ok {
			t.Errorf("%s: unterminated suggestion block:\n%s", f.Rule, body)
		}
		if len(blocks) != len(f.Suggestions) {
			t.Errorf("%s: %d suggestion blocks, want %d:\n%s", f.Rule, len(blocks), len(f.Suggestions), body)
			continue
		}
		src := texts[f.Path]
		for i, s := range f.Suggestions {
			suggestions++
			want := src[:s.Span.Start] + s.Text + src[s.Span.End:]
			got, ok := applySuggestion(src, s.Start.Line, s.End.Line, blocks[i])
			if !ok || got != want {
				t.Errorf("%s: suggestion block %q on lines %d-%d does not replace %q with %q", f.Rule, blocks[i], s.Start.Line, s.End.Line, s.Old, s.Text)
			}
		}
	}
	if suggestions != 4 {
		t.Errorf("%d suggestions checked, want 4", suggestions)
	}
}

// ghCleanEnv is the environment without what would point git or
// reviewdog elsewhere: a CI run's own GitHub context, tokens, GIT_DIR.
func ghCleanEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		if !strings.HasPrefix(k, "GIT_") && !strings.HasPrefix(k, "GITHUB_") && !strings.HasPrefix(k, "REVIEWDOG_") {
			env = append(env, kv)
		}
	}
	return env
}

// suggestionBlocks returns the contents of the GitHub suggestion blocks
// (a fence of three or more backticks followed by "suggestion", up to the
// same fence) in a comment body, each line ending in "\n"; an empty block
// deletes the lines. ok is false if a block is not closed.
func suggestionBlocks(body string) (blocks []string, ok bool) {
	lines := strings.Split(body, "\n")
	for i := 0; i < len(lines); i++ {
		fence, found := strings.CutSuffix(lines[i], "suggestion")
		if !found || len(fence) < 3 || strings.Trim(fence, "`") != "" {
			continue
		}
		j := i + 1
		for j < len(lines) && lines[j] != fence {
			j++
		}
		if j == len(lines) {
			return blocks, false
		}
		var content strings.Builder
		for _, l := range lines[i+1 : j] {
			content.WriteString(l + "\n")
		}
		blocks = append(blocks, content.String())
		i = j
	}
	return blocks, true
}

// applySuggestion replaces lines start to end (1-based, inclusive) of src
// with block, as accepting a GitHub suggestion does.
func applySuggestion(src string, start, end int, block string) (string, bool) {
	lines := strings.SplitAfter(src, "\n")
	if start < 1 || end < start || end > len(lines) {
		return "", false
	}
	return strings.Join(lines[:start-1], "") + block + strings.Join(lines[end:], ""), true
}

package draft

import (
	"fmt"
	"strings"
	"time"

	"github.com/goccy/go-yaml"
)

// frontMatter finds a YAML (---) or TOML (+++) front-matter block at the
// start of src. It returns the span of the whole block and of its body.
func frontMatter(src string) (block, body Span, toml, ok bool) {
	var delim string
	switch {
	case strings.HasPrefix(src, "---"):
		delim = "---"
	case strings.HasPrefix(src, "+++"):
		delim, toml = "+++", true
	default:
		return
	}
	nl := strings.IndexByte(src, '\n')
	if nl < 0 || strings.TrimSpace(src[len(delim):nl]) != "" {
		return
	}
	for pos := nl + 1; pos < len(src); {
		end := strings.IndexByte(src[pos:], '\n')
		lineEnd := len(src)
		if end >= 0 {
			lineEnd = pos + end
		}
		line := strings.TrimRight(src[pos:lineEnd], " \t\r")
		if line == delim || !toml && line == "..." {
			blockEnd := lineEnd
			if blockEnd < len(src) {
				blockEnd++
			}
			return Span{0, blockEnd}, Span{nl + 1, pos}, toml, true
		}
		if end < 0 {
			break
		}
		pos = lineEnd + 1
	}
	return Span{}, Span{}, false, false
}

// readFrontMatter fills doc.Meta from a front-matter body. A body that does
// not parse leaves a notice and no metadata.
func readFrontMatter(doc *Document, body Span, toml bool) {
	text := doc.Src[body.Start:body.End]
	fields := map[string]string{}
	if toml {
		readTOMLFields(text, fields)
	} else {
		var m map[string]any
		if err := yaml.Unmarshal([]byte(text), &m); err != nil {
			off := body.Start
			msg := err.Error()
			if ye, ok := err.(yaml.Error); ok && ye.GetToken() != nil {
				off = lineOffset(doc.Src, body.Start, ye.GetToken().Position.Line)
				msg = ye.GetMessage()
			}
			doc.Notices = append(doc.Notices, Notice{Span: Span{off, off}, Message: "front matter is not valid YAML: " + msg})
			return
		}
		for k, v := range m {
			if s, ok := scalarString(v); ok {
				fields[strings.ToLower(k)] = s
			} else if list, ok := v.([]any); ok && len(list) > 0 {
				var parts []string
				for _, item := range list {
					if s, ok := scalarString(item); ok {
						parts = append(parts, s)
					}
				}
				fields[strings.ToLower(k)] = strings.Join(parts, ", ")
			}
		}
	}
	first := func(keys ...string) string {
		for _, k := range keys {
			if v := fields[k]; v != "" {
				return v
			}
		}
		return ""
	}
	doc.Meta.Fields = fields
	doc.Meta.Title = first("title", "headline")
	doc.Meta.Date = first("date", "published", "publishdate", "pubdate")
	doc.Meta.Author = first("author", "authors", "byline")
	doc.Meta.URL = first("url", "canonical_url", "canonical", "permalink", "link")
	doc.Meta.Language = first("lang", "language", "locale")
}

func scalarString(v any) (string, bool) {
	switch v := v.(type) {
	case nil:
		return "", false
	case string:
		return v, true
	case time.Time:
		if v.Hour() == 0 && v.Minute() == 0 && v.Second() == 0 {
			return v.Format("2006-01-02"), true
		}
		return v.Format(time.RFC3339), true
	case bool, int, int64, uint64, float64:
		return fmt.Sprint(v), true
	}
	return "", false
}

// readTOMLFields reads the top-level key = "value" pairs of TOML front
// matter, which is all that metadata needs.
func readTOMLFields(text string, fields map[string]string) {
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if strings.HasPrefix(line, "[") {
			break // a table: top-level keys are over
		}
		k, v, ok := strings.Cut(line, "=")
		if !ok || strings.HasPrefix(line, "#") {
			continue
		}
		k = strings.ToLower(strings.Trim(strings.TrimSpace(k), `"'`))
		v = strings.TrimSpace(v)
		if strings.HasPrefix(v, "[") {
			v = strings.Trim(v, "[]")
			var parts []string
			for _, p := range strings.Split(v, ",") {
				if p = strings.Trim(strings.TrimSpace(p), `"'`); p != "" {
					parts = append(parts, p)
				}
			}
			v = strings.Join(parts, ", ")
		} else {
			v = strings.Trim(v, `"'`)
		}
		fields[k] = v
	}
}

// lineOffset returns the offset of 1-based line n counted from offset base.
func lineOffset(src string, base, n int) int {
	off := base
	for i := 1; i < n; i++ {
		k := strings.IndexByte(src[off:], '\n')
		if k < 0 {
			return off
		}
		off += k + 1
	}
	return off
}

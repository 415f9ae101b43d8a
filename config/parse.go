package config

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"sort"
	"strings"

	"github.com/bmatcuk/doublestar/v4"
	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
	"github.com/goccy/go-yaml/token"
	"github.com/newslint/newslint/lint"
	"golang.org/x/text/language"
)

// optionsNode is a rule's options as written: a YAML mapping without the
// severity key.
type optionsNode struct {
	node ast.Node
}

// loader walks the YAML tree of one file.
type loader struct {
	path     string
	registry map[string]lint.Rule
	ids      []string
}

// Parse reads configuration text; path names it in errors and sets the
// directory globs are relative to.
func Parse(path string, data []byte, registry []lint.Rule) (*Config, error) {
	dir, err := filepath.Abs(filepath.Dir(path))
	if err != nil {
		return nil, fmt.Errorf("config: %w", err)
	}
	c := Default(dir, registry)
	c.Path = path
	l := &loader{path: path, registry: map[string]lint.Rule{}}
	for _, r := range registry {
		l.registry[r.Meta().ID] = r
		l.ids = append(l.ids, r.Meta().ID)
	}
	sort.Strings(l.ids)

	// go-yaml would read a UTF-8 byte order mark as part of the first key.
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	file, err := parser.ParseBytes(data, 0)
	if err != nil {
		return nil, l.yamlError(err)
	}
	if len(file.Docs) > 1 {
		const msg = "a configuration file holds one YAML document"
		if start := file.Docs[1].Start; start != nil { // the second ---
			return nil, &Error{Path: path, Line: start.Position.Line, Column: start.Position.Column, Msg: msg}
		}
		return nil, l.errAt(file.Docs[1].Body, msg)
	}
	if len(file.Docs) == 0 || file.Docs[0].Body == nil {
		return c, nil
	}
	if err := l.resolveAliases(file.Docs[0]); err != nil {
		return nil, err
	}
	body := unwrap(file.Docs[0].Body)
	if _, ok := body.(*ast.NullNode); ok {
		return c, nil
	}
	if _, ok := body.(*ast.CommentNode); ok {
		return c, nil
	}
	pairs, ok := mappingPairs(body)
	if !ok {
		return nil, l.errAt(body, "the configuration must be a mapping of keys such as language, vocabulary, files, rules and overrides")
	}
	for _, kv := range pairs {
		key, value := keyString(kv), unwrap(kv.Value)
		switch key {
		case "language":
			s, err := l.scalar(value, "language")
			if err != nil {
				return nil, err
			}
			tag, perr := language.Parse(s)
			if perr != nil {
				return nil, l.errAt(value, fmt.Sprintf("language: %q is not a BCP 47 language tag such as en-US, en-GB or es", s))
			}
			c.Language = tag
		case "languages":
			tags, err := l.languages(value)
			if err != nil {
				return nil, err
			}
			c.Languages = tags
		case "vocabulary":
			if err := l.vocabulary(c, value); err != nil {
				return nil, err
			}
		case "files":
			if err := l.files(c, value); err != nil {
				return nil, err
			}
		case "rules":
			rules, err := l.rules(value)
			if err != nil {
				return nil, err
			}
			c.base = rules
		case "overrides":
			if err := l.overrides(c, value); err != nil {
				return nil, err
			}
		case "archive":
			if err := l.archive(c, value); err != nil {
				return nil, err
			}
		default:
			return nil, l.unknownKey(kv, key, []string{"language", "languages", "vocabulary", "files", "archive", "rules", "overrides"})
		}
	}
	// Configure every rule once now, so that bad options are reported at
	// load time rather than when the first file needs them.
	if _, err := c.resolve(nil); err != nil {
		return nil, err
	}
	for _, o := range c.overrides {
		if _, err := c.resolve([]override{o}); err != nil {
			return nil, err
		}
	}
	return c, nil
}

// archive reads the archive section: archive: {path: .newslint/archive.db}.
func (l *loader) archive(c *Config, value ast.Node) error {
	pairs, ok := mappingPairs(value)
	if !ok {
		return l.errAt(value, "archive: must be a mapping with a path")
	}
	for _, kv := range pairs {
		key, v := keyString(kv), unwrap(kv.Value)
		switch key {
		case "path":
			s, err := l.scalar(v, "archive.path")
			if err != nil {
				return err
			}
			if strings.TrimSpace(s) == "" {
				return l.errAt(v, "archive.path: must name a file, such as .newslint/archive.db")
			}
			if !filepath.IsAbs(s) {
				s = filepath.Join(c.Dir, s)
			}
			c.Archive = s
		default:
			return l.unknownKey(kv, "archive."+key, []string{"path"})
		}
	}
	return nil
}

func (l *loader) files(c *Config, value ast.Node) error {
	pairs, ok := mappingPairs(value)
	if !ok {
		return l.errAt(value, "files: must be a mapping with include and exclude lists and max_size")
	}
	for _, kv := range pairs {
		key := keyString(kv)
		switch key {
		case "include", "exclude":
			globs, err := l.globs(unwrap(kv.Value), "files."+key)
			if err != nil {
				return err
			}
			if key == "include" {
				c.Include = globs
			} else {
				c.Exclude = globs
			}
		case "max_size":
			v := unwrap(kv.Value)
			s, err := l.scalar(v, "files.max_size")
			if err != nil {
				return err
			}
			n, perr := ParseSize(s)
			if perr != nil {
				return l.errAt(v, "files.max_size: "+perr.Error())
			}
			c.MaxSize = n
		default:
			return l.unknownKey(kv, "files."+key, []string{"include", "exclude", "max_size"})
		}
	}
	return nil
}

func (l *loader) globs(value ast.Node, what string) ([]string, error) {
	list, ok := value.(*ast.SequenceNode)
	if !ok {
		if s, err := l.scalar(value, what); err == nil {
			if !doublestar.ValidatePattern(s) {
				return nil, l.errAt(value, fmt.Sprintf("%s: %q is not a valid glob", what, s))
			}
			return []string{strings.TrimPrefix(s, "./")}, nil
		}
		return nil, l.errAt(value, what+": must be a list of globs")
	}
	out := make([]string, 0, len(list.Values))
	for _, v := range list.Values {
		v = unwrap(v)
		s, err := l.scalar(v, what)
		if err != nil {
			return nil, err
		}
		if !doublestar.ValidatePattern(s) {
			return nil, l.errAt(v, fmt.Sprintf("%s: %q is not a valid glob", what, s))
		}
		out = append(out, strings.TrimPrefix(s, "./"))
	}
	return out, nil
}

// rules reads a mapping of rule IDs to settings. A setting is a mapping
// with an optional severity and the rule's options, or a bare severity.
func (l *loader) rules(value ast.Node) (map[string]*setting, error) {
	out := map[string]*setting{}
	if _, ok := value.(*ast.NullNode); ok {
		return out, nil
	}
	pairs, ok := mappingPairs(value)
	if !ok {
		return nil, l.errAt(value, "rules: must be a mapping from rule IDs to settings")
	}
	for _, kv := range pairs {
		id := keyString(kv)
		rule, known := l.registry[id]
		if !known {
			return nil, l.unknownKey(kv, "rule", l.ids)
		}
		s := &setting{}
		v := unwrap(kv.Value)
		if _, isNull := v.(*ast.NullNode); isNull {
			out[id] = s
			continue
		}
		if sv, err := l.scalar(v, ""); err == nil {
			sev, perr := lint.ParseSeverity(sv)
			if perr != nil {
				return nil, l.errAt(v, fmt.Sprintf("rules.%s: %v", id, perr))
			}
			s.severity, s.hasSeverity = sev, true
			out[id] = s
			continue
		}
		fields, ok := mappingPairs(v)
		if !ok {
			return nil, l.errAt(v, fmt.Sprintf("rules.%s: must be a severity or a mapping with severity and options", id))
		}
		var rest []*ast.MappingValueNode
		for _, f := range fields {
			if keyString(f) != "severity" {
				rest = append(rest, f)
				continue
			}
			sv, err := l.scalar(unwrap(f.Value), "rules."+id+".severity")
			if err != nil {
				return nil, err
			}
			sev, perr := lint.ParseSeverity(sv)
			if perr != nil {
				return nil, l.errAt(f.Value, fmt.Sprintf("rules.%s.severity: %v", id, perr))
			}
			s.severity, s.hasSeverity = sev, true
		}
		if len(rest) > 0 {
			if _, ok := rule.(lint.Configurable); !ok {
				return nil, l.errAt(rest[0], fmt.Sprintf("rules.%s: %s", id, unknownOption(keyString(rest[0]), nil)))
			}
			s.options = &optionsNode{node: ast.Mapping(v.GetToken(), false, rest...)}
		}
		out[id] = s
	}
	return out, nil
}

func (l *loader) overrides(c *Config, value ast.Node) error {
	list, ok := value.(*ast.SequenceNode)
	if !ok {
		return l.errAt(value, "overrides: must be a list of {files, rules} entries")
	}
	for _, item := range list.Values {
		item = unwrap(item)
		pairs, ok := mappingPairs(item)
		if !ok {
			return l.errAt(item, "overrides: each entry must be a mapping with files and rules")
		}
		var o override
		hasFiles := false
		for _, kv := range pairs {
			key := keyString(kv)
			switch key {
			case "files":
				globs, err := l.globs(unwrap(kv.Value), "overrides.files")
				if err != nil {
					return err
				}
				o.files, hasFiles = globs, true
			case "rules":
				rules, err := l.rules(unwrap(kv.Value))
				if err != nil {
					return err
				}
				o.rules = rules
			default:
				return l.unknownKey(kv, "overrides."+key, []string{"files", "rules"})
			}
		}
		if !hasFiles {
			return l.errAt(item, "overrides: an entry needs files, the globs it applies to")
		}
		c.overrides = append(c.overrides, o)
	}
	return nil
}

// configure decodes option nodes in order into the rule's options and
// returns the configured rule.
func configure(path string, r lint.Rule, nodes []*optionsNode) (lint.Rule, error) {
	cr, ok := r.(lint.Configurable)
	if !ok {
		return r, nil
	}
	opts := cr.DefaultOptions()
	l := &loader{path: path}
	for _, n := range nodes {
		if err := yaml.NodeToValue(n.node, opts, yaml.DisallowUnknownField()); err != nil {
			return nil, l.optionError(r.Meta().ID, optionNames(opts), n.node, err)
		}
	}
	rule, err := cr.WithOptions(opts)
	if err != nil {
		var at ast.Node
		if len(nodes) > 0 {
			at = nodes[len(nodes)-1].node
		}
		return nil, l.errAt(at, fmt.Sprintf("rules.%s: %v", r.Meta().ID, err))
	}
	return rule, nil
}

func (l *loader) optionError(id string, known []string, at ast.Node, err error) error {
	var ye yaml.Error
	if errors.As(err, &ye) && ye.GetToken() != nil {
		pos := ye.GetToken().Position
		msg := ye.GetMessage()
		var uf *yaml.UnknownFieldError
		if errors.As(err, &uf) {
			msg = unknownOption(strings.Trim(strings.TrimPrefix(msg, "unknown field "), `"`), known)
		}
		return &Error{Path: l.path, Line: pos.Line, Column: pos.Column, Msg: fmt.Sprintf("rules.%s: %s", id, msg)}
	}
	return l.errAt(at, fmt.Sprintf("rules.%s: %v", id, err))
}

// unknownOption words the error for an option a rule does not have.
func unknownOption(name string, known []string) string {
	known = append([]string{"severity"}, known...)
	if s := lint.Closest(name, known); s != "" {
		return fmt.Sprintf("unknown option %q; did you mean %q?", name, s)
	}
	return fmt.Sprintf("unknown option %q (known: %s)", name, strings.Join(known, ", "))
}

// optionNames lists the YAML names of an options struct's fields.
func optionNames(opts any) []string {
	var names []string
	t := reflect.TypeOf(opts).Elem()
	for i := 0; i < t.NumField(); i++ {
		if name, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ","); name != "" && name != "-" {
			names = append(names, name)
		}
	}
	return names
}

func (l *loader) yamlError(err error) error {
	var ye yaml.Error
	if errors.As(err, &ye) && ye.GetToken() != nil {
		pos := ye.GetToken().Position
		return &Error{Path: l.path, Line: pos.Line, Column: pos.Column, Msg: "invalid YAML: " + ye.GetMessage()}
	}
	return &Error{Path: l.path, Msg: "invalid YAML: " + err.Error()}
}

func (l *loader) errAt(n ast.Node, msg string) error {
	e := &Error{Path: l.path, Msg: msg}
	if tk := startToken(n); tk != nil {
		e.Line, e.Column = tk.Position.Line, tk.Position.Column
	}
	return e
}

// startToken returns the token where n starts. go-yaml's token for a block
// mapping, and for one entry of a mapping, is the first entry's ':', which
// for a rule's options (a mapping built without the severity entry) may
// even be on another line; use the first key instead.
func startToken(n ast.Node) *token.Token {
	switch v := n.(type) {
	case nil:
		return nil
	case *ast.MappingNode:
		if !v.IsFlowStyle && len(v.Values) > 0 {
			return startToken(v.Values[0])
		}
	case *ast.MappingValueNode:
		if v.Key != nil {
			return v.Key.GetToken()
		}
	}
	return n.GetToken()
}

func (l *loader) unknownKey(kv *ast.MappingValueNode, what string, known []string) error {
	key := keyString(kv)
	msg := fmt.Sprintf("unknown key %q", key)
	if what == "rule" {
		msg = fmt.Sprintf("unknown rule %q", key)
	}
	if s := lint.Closest(key, known); s != "" {
		msg += fmt.Sprintf("; did you mean %q?", s)
	} else {
		msg += fmt.Sprintf(" (known: %s)", strings.Join(known, ", "))
	}
	return l.errAt(kv.Key, msg)
}

func (l *loader) scalar(n ast.Node, what string) (string, error) {
	switch v := n.(type) {
	case *ast.StringNode:
		return v.Value, nil
	case *ast.LiteralNode:
		return v.Value.Value, nil
	case *ast.IntegerNode, *ast.FloatNode, *ast.BoolNode:
		return n.GetToken().Value, nil
	}
	return "", l.errAt(n, what+": must be a single value")
}

// mappingPairs returns the entries of a mapping node; goccy/go-yaml gives
// a mapping of one entry as the entry itself.
func mappingPairs(n ast.Node) ([]*ast.MappingValueNode, bool) {
	switch v := n.(type) {
	case *ast.MappingNode:
		return v.Values, true
	case *ast.MappingValueNode:
		return []*ast.MappingValueNode{v}, true
	}
	return nil, false
}

func keyString(kv *ast.MappingValueNode) string {
	if s, ok := unwrap(kv.Key).(*ast.StringNode); ok {
		return s.Value
	}
	return strings.Trim(kv.Key.String(), `"'`)
}

// resolveAliases replaces every alias (*name) in the document with the
// node its anchor (&name) marks, so the rest of the loader, and option
// decoding of a subtree, never meet an alias.
func (l *loader) resolveAliases(doc *ast.DocumentNode) error {
	anchors := map[string]ast.Node{}
	ast.Walk(anchorCollector(anchors), doc)
	var fix func(n ast.Node) (ast.Node, error)
	fix = func(n ast.Node) (ast.Node, error) {
		switch v := n.(type) {
		case *ast.AliasNode:
			name := strings.TrimPrefix(v.Value.String(), "*")
			target, ok := anchors[name]
			if !ok {
				return nil, l.errAt(v, fmt.Sprintf("unknown alias *%s: no anchor &%s comes before it", name, name))
			}
			return target, nil
		case *ast.MappingNode:
			for _, kv := range v.Values {
				if _, err := fix(kv); err != nil {
					return nil, err
				}
			}
		case *ast.MappingValueNode:
			return n, fixValue(&v.Value, fix)
		case *ast.SequenceNode:
			for i, item := range v.Values {
				val, err := fix(item)
				if err != nil {
					return nil, err
				}
				v.Values[i] = val
			}
		case *ast.AnchorNode:
			return n, fixValue(&v.Value, fix)
		case *ast.TagNode:
			return n, fixValue(&v.Value, fix)
		}
		return n, nil
	}
	body, err := fix(doc.Body)
	if err != nil {
		return err
	}
	doc.Body = body
	return nil
}

// fixValue replaces *slot with what fix makes of it.
func fixValue(slot *ast.Node, fix func(ast.Node) (ast.Node, error)) error {
	val, err := fix(*slot)
	if err != nil {
		return err
	}
	*slot = val
	return nil
}

// anchorCollector records each anchor's value by name.
type anchorCollector map[string]ast.Node

// Visit implements ast.Visitor.
func (a anchorCollector) Visit(n ast.Node) ast.Visitor {
	if v, ok := n.(*ast.AnchorNode); ok {
		a[strings.TrimPrefix(v.Name.String(), "&")] = v.Value
	}
	return a
}

// unwrap looks through anchors and tags to the value node.
func unwrap(n ast.Node) ast.Node {
	for {
		switch v := n.(type) {
		case *ast.AnchorNode:
			n = v.Value
		case *ast.TagNode:
			n = v.Value
		default:
			return n
		}
	}
}

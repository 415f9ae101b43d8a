package lint

import "fmt"

// Severity ranks a finding. Off disables a rule.
type Severity int8

// Severities, in increasing order.
const (
	Off Severity = iota
	Info
	Warning
	Error
)

// String returns the severity's name as written in configuration.
func (s Severity) String() string {
	switch s {
	case Info:
		return "info"
	case Warning:
		return "warning"
	case Error:
		return "error"
	}
	return "off"
}

// ParseSeverity reads a severity name: error, warning, info or off.
func ParseSeverity(name string) (Severity, error) {
	switch name {
	case "error":
		return Error, nil
	case "warning":
		return Warning, nil
	case "info":
		return Info, nil
	case "off":
		return Off, nil
	}
	return Off, fmt.Errorf("unknown severity %q (want error, warning, info or off)", name)
}

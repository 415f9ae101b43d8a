// Package boilerplate recognizes web page chrome pasted into a story:
// subscription, sign-in, app and newsletter prompts, "Related stories"
// labels, share buttons, cookie notices, rights lines, agency photo
// credits and a short line pasted twice. It works on whole lines of text,
// never on a phrase inside a sentence, and knows English and Spanish
// chrome whatever the story's language.
package boilerplate

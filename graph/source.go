package graph

import (
	"net/url"
	"strings"
)

// Source is a document that citations point into, with what a reader needs to weigh it:
// who published it and what stake the publisher has.
type Source struct {
	Base
	Title      string
	Publisher  string
	Author     string
	URL        string
	Published  Date
	SourceKind SourceKind
	Stake      string // the publisher's stake: "published by an opposition group"
	// Text is the document's text when accgraph holds a copy (TextFile names it); every
	// quote citing the source must then appear in it verbatim.
	Text     string
	TextFile string
}

func (*Source) Kind() EntityKind { return KindSource }

func (s *Source) validate(p *Problems) {
	if !oneOf(s.SourceKind, SourceKinds) {
		p.Add("kind", "%s", unknownValue("source kind", string(s.SourceKind), SourceKinds))
	}
	if s.Title == "" {
		p.Add("title", "missing title")
	}
	if s.Publisher == "" {
		p.Add("publisher", "missing publisher")
	}
	if s.URL != "" && !WebURL(s.URL) {
		p.Add("url", "%q is not an http or https URL", s.URL)
	}
}

// WebURL reports whether u is an absolute http or https URL with a host: the only links a
// source may carry, since every page that shows a source links to its URL (a javascript:
// URL there would run in the page, with the reader's key at hand).
func WebURL(u string) bool {
	parsed, err := url.Parse(u)
	if err != nil || parsed.Host == "" {
		return false
	}
	scheme := strings.ToLower(parsed.Scheme)
	return scheme == "http" || scheme == "https"
}

func (s *Source) properties(props map[string]any) {
	props["kind"] = string(s.SourceKind)
	props["title"] = s.Title
	props["publisher"] = s.Publisher
	setIf(props, "author", s.Author)
	setIf(props, "url", s.URL)
	setIf(props, "published", s.Published.String())
	setIf(props, "stake", s.Stake)
	setIf(props, "textFile", s.TextFile)
	setIf(props, "text", s.Text)
	setInterval(props, At(s.Published))
}

func (s *Source) readProperties(props record) {
	s.SourceKind = SourceKind(str(props.get("kind")))
	s.Title = str(props.get("title"))
	s.Publisher = str(props.get("publisher"))
	s.Author = str(props.get("author"))
	s.URL = str(props.get("url"))
	s.Published = readDate(props.get("published"))
	s.Stake = str(props.get("stake"))
	s.TextFile = str(props.get("textFile"))
	s.Text = str(props.get("text"))
}

// Document is the source's text, or nil when accgraph holds none.
func (s *Source) Document() *string {
	if s.Text == "" {
		return nil
	}
	return &s.Text
}

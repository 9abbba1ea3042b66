package graph

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
)

// Citation says who supports a fact, where: the source document, the verbatim words, the
// place in it, who makes the claim (a court, a UN body, a government, an opposition
// group, the accused...) and how strongly the source establishes it, and whether it supports or disputes the fact.
//
// In Neo4j a citation is a (:Citation) node with the id of what it supports in `about`,
// linked -[:FROM_SOURCE]-> its Source and -[:CLAIMED_BY]-> its claimant, so nodes and
// relationships cite alike and a source's facts can be found from the source.
type Citation struct {
	ID         string
	Source     string // id of a Source
	Quote      string // verbatim from the source
	Locator    string // where in the source: paragraph, page, heading
	ClaimedBy  string // id of the entity that asserts the fact
	Confidence Confidence
	Stance     Stance // SUPPORTS (also when empty) or DISPUTES the fact
	Accessed   Date   // when the source was read
	// Checked is set by validation when the quote was found verbatim in the source's
	// stored text; a citation of a source without text stays unchecked.
	Checked bool

	// SourceNode and Claimant are the entities behind Source and ClaimedBy, when a read
	// asked for them.
	SourceNode *Source
	Claimant   Entity
}

// QuoteText is the quote, nil when the citation has none (a record without words of
// its own is cited by its locator alone): GraphQL's Citation.quote.
func (c *Citation) QuoteText() *string {
	if c.Quote == "" {
		return nil
	}
	return &c.Quote
}

// Validate checks one citation in isolation; the dataset checks that its ids resolve.
func (c *Citation) Validate(field string, p *Problems) {
	if c.Source == "" {
		p.Add(field+".source", "missing source")
	}
	if c.ClaimedBy == "" {
		p.Add(field+".claimedBy", "missing claimedBy: say who asserts this")
	}
	// a record with no words to quote (a sanctions listing without a reason) is cited by
	// its locator alone: no quote is better than an invented one
	if strings.TrimSpace(c.Quote) == "" && strings.TrimSpace(c.Locator) == "" {
		p.Add(field+".quote", "missing quote: cite the source's own words (or, for a record without any, its locator)")
	}
	if !c.Confidence.IsValid() {
		p.Add(field+".confidence", "%s", unknownValue("confidence", string(c.Confidence), Confidences))
	}
}

// citationID is stable for the same claim about the same thing, so that loading twice
// merges instead of duplicating.
func citationID(about string, c Citation) string {
	h := sha256.New()
	for _, part := range []string{about, c.Source, c.Quote, c.Locator, c.ClaimedBy} {
		h.Write([]byte(part))
		h.Write([]byte{0})
	}
	return "cite:" + hex.EncodeToString(h.Sum(nil)[:10])
}

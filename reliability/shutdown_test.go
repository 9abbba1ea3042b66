package reliability

import (
	"context"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/accgraph/accgraph/graph/graphtest"
)

// TestCloseFinishesRequestsInFlight closes the server while a request is still sending
// its body: the request is answered in full, Close waits for it, and new connections
// are refused.
func TestCloseFinishesRequestsInFlight(t *testing.T) {
	srv := serve(t, graphtest.MustOpenDB(t), nil)
	url := srv.URL()
	body, send := io.Pipe()
	req, _ := http.NewRequest("POST", url+"/graphql", body)
	req.Header.Set("Content-Type", "application/json")
	answered := make(chan *http.Response, 1)
	go func() {
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Errorf("the request in flight failed: %v", err)
		}
		answered <- resp
	}()
	_, _ = send.Write([]byte(`{"query": "{ people `))
	time.Sleep(200 * time.Millisecond) // the server is reading the body

	closed := make(chan error, 1)
	go func() { closed <- srv.Close(context.Background()) }()
	time.Sleep(200 * time.Millisecond)
	select {
	case err := <-closed:
		t.Fatalf("Close returned (%v) with a request in flight", err)
	default:
	}
	if _, err := http.Get(url + "/healthz"); err == nil {
		t.Error("a new connection was accepted after Close began")
	}
	_, _ = send.Write([]byte(`{ totalCount } }"}`))
	_ = send.Close()
	resp := <-answered
	if resp == nil {
		t.FailNow()
	}
	data, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(data), `"totalCount"`) {
		t.Errorf("the request in flight = %d %s, want its answer", resp.StatusCode, data)
	}
	select {
	case err := <-closed:
		if err != nil {
			t.Errorf("Close: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Error("Close did not return after the last request was answered")
	}
}

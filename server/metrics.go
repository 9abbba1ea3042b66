package server

import (
	"context"
	"time"

	"github.com/99designs/gqlgen/graphql"

	"github.com/accgraph/accgraph/graph"
)

// operationMetrics counts and times every GraphQL answer by operation name, type and
// outcome, refusals (parse errors, limits) included: gqlgen runs response interceptors
// for those too.
type operationMetrics struct{ s *Server }

var _ interface {
	graphql.HandlerExtension
	graphql.ResponseInterceptor
} = operationMetrics{}

func (operationMetrics) ExtensionName() string                   { return "OperationMetrics" }
func (operationMetrics) Validate(graphql.ExecutableSchema) error { return nil }

func (m operationMetrics) InterceptResponse(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	resp := next(ctx)
	name, kind := "", ""
	if graphql.HasOperationContext(ctx) {
		oc := graphql.GetOperationContext(ctx)
		name = oc.OperationName
		if oc.Operation != nil {
			kind = string(oc.Operation.Operation)
			if name == "" {
				name = oc.Operation.Name
			}
		}
	}
	outcome := "ok"
	if resp != nil && len(resp.Errors) > 0 {
		outcome = "error"
		if code, ok := resp.Errors[0].Extensions["code"].(string); ok && code != "" {
			outcome = code
		}
	}
	took := time.Duration(0)
	if start := graphql.GetStartTime(ctx); !start.IsZero() {
		took = time.Since(start)
	}
	m.s.Metrics.Operation(name, kind, outcome, took)
	return resp
}

// outcome is "ok" for nil and the GraphQL code of err otherwise.
func outcome(err error) string {
	if err == nil {
		return "ok"
	}
	return gqlCode(graph.ErrorCode(err))
}

# accgraph as a static, non-root binary. Neo4j runs beside it (docker-compose.yml);
# the image never starts the embedded Neo4j, so it needs no Java.
FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/accgraph ./cmd/accgraph

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/accgraph /usr/local/bin/accgraph
USER nonroot:nonroot
EXPOSE 8080
ENTRYPOINT ["/usr/local/bin/accgraph"]
CMD ["serve"]

package server

import (
	"net/http"

	"github.com/99designs/gqlgen/graphql/playground"

	"github.com/accgraph/accgraph/server/webui"
)

// handleExplore serves the explorer's page; its scripts and styles live under /explore/.
// securityHeaders gives it, and every file it loads, the pages' Content-Security-Policy.
func handleExplore(w http.ResponseWriter, r *http.Request) {
	webui.Serve(w, r, "explore/index.html")
}

// handleFavicon answers the browser's /favicon.ico with accgraph's icon (an SVG).
func handleFavicon(w http.ResponseWriter, r *http.Request) { webui.Serve(w, r, "favicon.svg") }

// graphiqlHandler is gqlgen's GraphiQL page pointed at the copies of GraphiQL 4, React 18
// and the explorer plugin embedded in the binary, each with its integrity hash: the page
// makes no request beyond this server. plugins.js also adds the saved-queries plugin.
func graphiqlHandler() http.Handler {
	file := func(name string) (string, string) { return "/graphiql/" + name, webui.SRI("graphiql/" + name) }
	js, jsSRI := file("graphiql.min.js")
	css, cssSRI := file("graphiql.min.css")
	react, reactSRI := file("react.production.min.js")
	reactDOM, reactDOMSRI := file("react-dom.production.min.js")
	plugins, pluginsSRI := file("plugins.js")
	pluginsCSS, pluginsCSSSRI := file("plugins.css")
	return playground.Handler("accgraph GraphiQL", "/graphql",
		playground.WithGraphiqlVersion(js, css, jsSRI, cssSRI),
		playground.WithGraphiqlReactVersion(react, reactDOM, reactSRI, reactDOMSRI),
		playground.WithGraphiqlEnablePluginExplorer(true),
		playground.WithGraphiqlPluginExplorerVersion(plugins, pluginsCSS, pluginsSRI, pluginsCSSSRI),
		playground.WithGraphiqlPersistStateInURL(true),
		playground.WithStoragePrefix("accgraph:"))
}

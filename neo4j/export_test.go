package neo4j

// JavaMajor exposes javaMajor to the external tests.
var JavaMajor = javaMajor

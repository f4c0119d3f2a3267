"""`rasd serve`: the REST API and the web page (map, timeline, evidence)."""

"""What the site publishes besides its pages, built from the graph: open data, feeds, calendars, sharing metadata."""

"""Training days: the session registry, the agenda, calendar feeds, the results benchmark and its charts."""

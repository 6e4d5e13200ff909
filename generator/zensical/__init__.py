"""The Zensical adapter: the core's export, a generated configuration, and Zensical's own build."""

"""The canvas as an editor: the scene kept in step with the document, gestures, palette parts."""

"""The window: the main window composing the parts, its menus, actions and theme."""

"""The parts every screen uses: the task runner, table models, formatting, the code →
sentence table and its wordings, the message bar, the workspace."""

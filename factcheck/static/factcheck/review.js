// Keyboard shortcuts on a fact's page: c confirms, r rejects, s skips to the next pending fact.
// They act only when no text field has focus, so typing a note never triggers a decision.
"use strict";
document.addEventListener("keydown", function (event) {
  if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
  const target = event.target;
  if (target.closest && target.closest("input, textarea, select, [contenteditable]")) return;
  const action = document.querySelector('.fc-panel [data-key="' + event.key.toLowerCase() + '"]');
  if (!action) return;
  event.preventDefault();
  action.click();
});

// One-tap copy for the texts people paste into the community chat (接龙 text, invite links). A button with
// data-copy="<id of an input or textarea>" copies its value: through the clipboard where the page may use it,
// else by selecting it; then it shows its data-copied text in the element named by data-copy-status (or on itself).
(function () {
  document.querySelectorAll('button[data-copy]').forEach(function (button) {
    button.addEventListener('click', function () {
      var field = document.getElementById(button.dataset.copy);
      var status = button.dataset.copyStatus ? document.getElementById(button.dataset.copyStatus) : button;
      var done = function () { status.textContent = button.dataset.copied; };
      var select = function () { field.select(); document.execCommand('copy'); done(); };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(field.value).then(done, select);
      }
      else {
        select();
      }
    });
  });
})();

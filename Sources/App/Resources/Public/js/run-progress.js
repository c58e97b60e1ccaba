// Follows a batch matching run without reloading: updates the progress bar and its status text,
// then reloads once the run has finished. Without script, the page's refresh link does the same.
(function () {
  "use strict";
  var box = document.getElementById("run-progress");
  if (!box) { return; }
  var bar = document.getElementById("run-progress-bar");
  var text = document.getElementById("run-progress-text");
  function poll() {
    fetch(box.dataset.progressUrl, { headers: { "Accept": "application/json" }, credentials: "same-origin" })
      .then(function (response) { return response.json(); })
      .then(function (progress) {
        bar.value = progress.percent;
        text.textContent = progress.message;
        if (progress.status === "running") { setTimeout(poll, 1000); } else { window.location.reload(); }
      })
      .catch(function () { setTimeout(poll, 3000); });
  }
  setTimeout(poll, 500);
})();

// While a catalogue is being built (with a worker-backed task queue), follow its
// progress; reload once nothing is pending so the table shows the new files.
(function () {
    var table = document.getElementById("catalogues");
    function pending() { return table.querySelector("progress"); }
    if (!table || !pending()) return;
    var timer = setInterval(function () {
        fetch(table.dataset.statusUrl).then(function (r) { return r.json(); }).then(function (data) {
            var busy = false;
            data.catalogues.forEach(function (c) {
                var row = table.querySelector('[data-catalogue="' + c.id + '"]');
                if (!row) return;
                row.querySelector(".catalogue-status").textContent = c.label;
                var bar = row.querySelector("progress");
                if (bar) bar.value = c.progress;
                busy = busy || c.status === "queued" || c.status === "building";
            });
            if (!busy) { clearInterval(timer); window.location.reload(); }
        });
    }, 2000);
})();

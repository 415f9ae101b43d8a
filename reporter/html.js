
// newslint report: a click on a highlight (or Enter on a focused one)
// pins a panel explaining the findings under it; Escape or the close
// button unpins it. The page reads the same without this script: each
// highlight links to its explanation below the draft.
(function () {
  "use strict";
  var doc = document;
  doc.documentElement.classList.add("js");
  var panel = doc.createElement("aside");
  panel.className = "panel";
  panel.id = "panel";
  panel.hidden = true;
  panel.setAttribute("aria-label", "Finding details");
  panel.setAttribute("aria-live", "polite");
  var head = doc.createElement("div");
  head.className = "ph";
  var title = doc.createElement("span");
  var close = doc.createElement("button");
  close.type = "button";
  close.className = "close";
  close.textContent = "\u00d7";
  close.setAttribute("aria-label", "Close the details");
  head.appendChild(title);
  head.appendChild(close);
  var list = doc.createElement("ol");
  list.className = "findings";
  panel.appendChild(head);
  panel.appendChild(list);
  doc.body.appendChild(panel);

  var lit = [];
  var opener = null;

  function unlight() {
    lit.forEach(function (el) { el.classList.remove("on"); });
    lit = [];
  }

  function show(ids, from) {
    unlight();
    list.textContent = "";
    ids.forEach(function (id) {
      var item = doc.getElementById("f" + id);
      if (!item) { return; }
      var copy = item.cloneNode(true);
      copy.removeAttribute("id");
      list.appendChild(copy);
      doc.querySelectorAll('.src .hl[data-f~="' + id + '"]').forEach(function (el) {
        el.classList.add("on");
        lit.push(el);
      });
    });
    title.textContent = ids.length === 1 ? "Finding" : ids.length + " findings here";
    panel.hidden = false;
    doc.body.classList.add("panel-open");
    opener = from;
  }

  function hide() {
    if (panel.hidden) { return; }
    panel.hidden = true;
    doc.body.classList.remove("panel-open");
    unlight();
    if (opener) { opener.focus(); }
  }

  doc.addEventListener("click", function (e) {
    var a = e.target.closest ? e.target.closest(".src a.hl") : null;
    if (!a) { return; }
    e.preventDefault();
    show(a.getAttribute("data-f").split(" "), a);
  });
  close.addEventListener("click", hide);
  doc.addEventListener("keydown", function (e) {
    if (e.key === "Escape") { hide(); }
  });
})();

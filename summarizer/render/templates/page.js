(function () {
  "use strict";
  var lit = [];
  function clear() {
    while (lit.length) { lit.pop().classList.remove("lit"); }
  }
  function reveal(element) {
    // Scroll the pane that holds the element, not the whole window, when the panes sit side by
    // side; and only when the element is out of sight.
    var box = element.getBoundingClientRect();
    var pane = element.closest("aside.sources");
    var view = pane ? pane.getBoundingClientRect() : { top: 0, bottom: window.innerHeight };
    if (box.top >= view.top && box.bottom <= Math.min(view.bottom, window.innerHeight)) { return; }
    if (pane && pane.scrollHeight > pane.clientHeight && getComputedStyle(pane).overflowY === "auto") {
      pane.scrollTop += element.getBoundingClientRect().top - pane.getBoundingClientRect().top - pane.clientHeight / 3;
    } else {
      element.scrollIntoView({ block: "center" });
    }
  }
  function light(element, ids, scroll) {
    clear();
    var first = null;
    ids.forEach(function (id) {
      var sentence = document.getElementById("s-" + id);
      if (sentence) { sentence.classList.add("lit"); lit.push(sentence); first = first || sentence; }
    });
    element.classList.add("lit");
    lit.push(element);
    if (scroll && first) { reveal(first); }
  }
  document.querySelectorAll("a.cite").forEach(function (chip) {
    var ids = (chip.getAttribute("data-sentences") || "").split(" ").filter(Boolean);
    chip.addEventListener("mouseenter", function () { light(chip, ids, true); });
    chip.addEventListener("focus", function () { light(chip, ids, true); });
    chip.addEventListener("click", function (event) {
      event.preventDefault();
      light(chip, ids, true);
    });
  });
  document.querySelectorAll(".backlinks a").forEach(function (link) {
    link.addEventListener("click", function (event) {
      var target = document.getElementById(link.getAttribute("href").slice(1));
      if (!target) { return; }
      event.preventDefault();
      clear();
      target.classList.add("lit");
      lit.push(target);
      target.scrollIntoView({ block: "center" });
    });
  });
})();

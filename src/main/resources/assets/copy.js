// Copy buttons beside an entry's preferred terms. They stay hidden without this script (or
// without a clipboard), so the page never shows a button that does nothing.
(function () {
  if (!navigator.clipboard) { return; }
  document.querySelectorAll('button.copy[data-copy]').forEach(function (button) {
    button.hidden = false;
    button.addEventListener('click', function () {
      navigator.clipboard.writeText(button.getAttribute('data-copy')).then(function () {
        var label = button.textContent;
        button.textContent = '已复制 Copied';
        setTimeout(function () { button.textContent = label; }, 1500);
      });
    });
  });
})();

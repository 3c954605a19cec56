// "Check this device", not registered: copy the UDID, or share the prepared message with the
// developer (the system share sheet on iOS; the clipboard where there is none).
document.addEventListener("click", function (event) {
  var button = event.target.closest("[data-copy], [data-share]");
  if (!button) {
    return;
  }
  var source = document.getElementById(button.getAttribute("data-copy") || button.getAttribute("data-share"));
  var text = source.value !== undefined ? source.value : source.textContent;
  if (button.hasAttribute("data-share") && navigator.share) {
    navigator.share({ text: text }).catch(function () {});
    return;
  }
  navigator.clipboard.writeText(text).then(function () {
    button.setAttribute("data-done", "");
    button.textContent = "Copied";
  });
});

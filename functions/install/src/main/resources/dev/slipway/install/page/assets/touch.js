// iPadOS in desktop mode sends a Mac's user agent: only the touch screen tells it apart.
// Loaded in <head>, before the body is drawn, so no section is shown and then hidden.
document.documentElement.classList.add(navigator.maxTouchPoints > 1 ? "touch" : "no-touch");

// Gatehouse console: small helpers only; every page works without JavaScript.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
    // Copy buttons: <button data-copy="element-id">Copy</button> copies that element's text.
    for (const button of document.querySelectorAll("button[data-copy]")) {
        button.hidden = false;
        button.addEventListener("click", async () => {
            const source = document.getElementById(button.dataset.copy);
            if (source && navigator.clipboard) {
                await navigator.clipboard.writeText(source.textContent.trim());
                button.textContent = "Copied";
            }
        });
    }
});

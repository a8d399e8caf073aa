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
    // Next to code fields: how long the current 30-second code stays valid, by this computer's clock.
    const countdowns = document.querySelectorAll("[data-totp-countdown]");
    if (countdowns.length > 0) {
        const tick = () => {
            const left = 30 - Math.floor(Date.now() / 1000) % 30;
            for (const element of countdowns) {
                element.hidden = false;
                element.textContent = "The current code changes in " + left + (left === 1 ? " second." : " seconds.");
            }
        };
        tick();
        setInterval(tick, 1000);
    }
});

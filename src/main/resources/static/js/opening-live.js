// SPDX-License-Identifier: Apache-2.0
// The live public page of an opening (/notices/{ocid}/opening): on each server-sent "changed" event, fetches the page
// again and replaces its live part. Without JavaScript, reloading the page shows the same.
const live = document.getElementById("opening-live");
if (live && window.EventSource) {
  const hint = document.getElementById("opening-live-hint");
  if (hint) hint.hidden = true;
  const refresh = async () => {
    const response = await fetch(window.location.href, { credentials: "same-origin", headers: { Accept: "text/html" } });
    if (!response.ok) return;
    const html = new DOMParser().parseFromString(await response.text(), "text/html");
    const fresh = html.getElementById("opening-live");
    if (fresh) live.innerHTML = fresh.innerHTML;
  };
  const source = new EventSource(live.dataset.events);
  source.addEventListener("changed", () => refresh().catch(() => {}));
}

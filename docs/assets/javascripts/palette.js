// The light/dark switch (docs/overrides/partials/palette.html): shows the button for the scheme in use, applies
// the reader's choice and remembers it in the theme's own storage entry ("__palette"), which the theme's inline
// script reads to set the colours before a page paints. A reader who never chose follows the system setting.
// Attributes are written only when they change: an unchanged scheme costs the page no restyle.
(() => {
  const form = document.querySelector("[data-explainer-palette]")
  if (!form) return
  const inputs = [...form.querySelectorAll("input")]
  const keys = ["media", "scheme", "primary", "accent"]
  const colors = input => Object.fromEntries(keys.map(key => [key, input.getAttribute(`data-md-color-${key}`)]))

  const show = input => {
    for (const [key, value] of Object.entries(colors(input)))
      if (document.body.getAttribute(`data-md-color-${key}`) !== value)
        document.body.setAttribute(`data-md-color-${key}`, value)
    for (const option of inputs) {
      option.checked = option === input
      const label = option.nextElementSibling
      if (label instanceof HTMLLabelElement) label.hidden = option !== input
    }
  }
  const system = () =>
    inputs.find(input => matchMedia(input.getAttribute("data-md-color-media")).matches) ?? inputs[0]
  // What is stored could be anything another script on the site wrote: only an index into the options counts.
  const saved = () => {
    try {
      const index = __md_get("__palette")?.index
      return Number.isInteger(index) ? inputs[index] : undefined
    } catch {
      return undefined
    }
  }

  show(saved() ?? system())
  form.addEventListener("change", event => {
    const input = event.target
    // As the theme does: no colour transitions while the whole page changes scheme.
    document.body.setAttribute("data-md-color-switching", "")
    show(input)
    __md_set("__palette", { index: inputs.indexOf(input), color: colors(input) })
    setTimeout(() => document.body.removeAttribute("data-md-color-switching"))
  })
  matchMedia("(prefers-color-scheme: dark)").addEventListener("change", () => {
    if (!saved()) show(system())
  })
})()

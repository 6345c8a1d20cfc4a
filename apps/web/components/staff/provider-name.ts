/** A ticket provider's plugin id in words: "psa" is the built-in one. */
export const providerName = (pluginId: string) => (pluginId === "psa" ? "Built-in PSA" : pluginId.charAt(0).toUpperCase() + pluginId.slice(1));

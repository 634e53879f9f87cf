// Shared Chart.js settings for the dark wall-screen theme (Chart.js is loaded from its WebJar).

export const Chart = window.Chart;

Chart.defaults.color = '#8d9bb8';
Chart.defaults.borderColor = '#24314d';
Chart.defaults.font.family = getComputedStyle(document.documentElement).fontFamily;
Chart.defaults.font.size = 12;
// A wall screen redraws every few seconds: animation would only make the numbers swim.
Chart.defaults.animation = false;
Chart.defaults.maintainAspectRatio = false;
Chart.defaults.plugins.legend.labels.boxWidth = 12;

const ExcelJS = require("exceljs");
(async () => {
  const wb = new ExcelJS.Workbook(); await wb.xlsx.readFile(process.argv[2]);
  console.log(wb.worksheets.map(w=>w.name).join(","));
  const ws = wb.getWorksheet(process.argv[3]);
  ws.eachRow((row, r) => { if (r < +process.argv[4]) console.log(r, JSON.stringify(row.values.slice(1))); });
})();

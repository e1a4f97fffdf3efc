console.log("vendor-errors")

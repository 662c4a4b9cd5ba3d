using Dmarc.Cli;

// dmarc: DMARC reports from files, folders, .eml mails and mboxes, read by the core (libs/Dmarc.Reports).
//   dmarc parse [--format parsedmarc|json|csv] PATH...   the reports as JSON Lines or CSV   (Parse/)
//   dmarc analyze PATH...                                 the operator's summary            (Analyze/)
//   dmarc triage [--format text|json] PATH...             where each mail belongs, and why  (Triage/)
//   all walk their inputs the same way                                                       (Inputs/)
//   exit codes                                                                               (ExitCodes.cs)
return await DmarcCli.RunAsync(args, Terminal.FromConsole());

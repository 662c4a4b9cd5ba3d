using Dmarc.ReportGenerator;

return args switch
{
    ["large", .. var rest] => GeneratorCommands.Large(rest),
    ["mailbox", .. var rest] => GeneratorCommands.Mailbox(rest),
    ["samples", .. var rest] => GeneratorCommands.Samples(rest),
    _ => GeneratorCommands.Help(),
};

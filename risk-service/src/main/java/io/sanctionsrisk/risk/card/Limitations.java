package io.sanctionsrisk.risk.card;

import java.util.List;

/** What every snapshot's numbers cannot say, whatever the data: printed on every card. */
final class Limitations {

    static final List<String> ALL = List.of(
            "The data are large, publicly attributed heists only: attempts that failed quietly, small thefts and"
                    + " heists never attributed to a state are missing, so the rates describe reported, attributed"
                    + " heists, not all state-sponsored theft.",
            "Attribution comes late, often months or years after the heist: the most recent months hold heists not"
                    + " yet attributed, which biases the latest rates down and makes recent sanctions look more"
                    + " effective than they are.",
            "The number of heists is small (tens, not thousands): the intervals are wide, the likelihood-ratio"
                    + " p-values rest on asymptotics that barely hold, and one reclassified heist can move the"
                    + " estimates visibly.",
            "Sanction weights are the severity rubric's judgement (1..5), not measured pressure; easing measures get"
                    + " weight 0. Other rubrics give other values of kappa.",
            "The sanctions effect is an association in time under the model's kernel, not a causal estimate: sanctions"
                    + " may themselves respond to heists, and other drivers (crypto prices, new exploit classes) are"
                    + " not in the model.",
            "Sector and region shares pool every heist; cells without a heist get the prior's share, which says"
                    + " little about an individual institution. Exposure multipliers in scores are judgement, not"
                    + " estimated.",
            "Loss amounts are public estimates in USD at the time of the heist, often rounded and sometimes revised;"
                    + " heists without a known amount are left out of the severity fit.",
            "A snapshot describes the data at one data version; later corrections in the sanctions-service change"
                    + " the numbers only after a refit.");

    private Limitations() {}
}

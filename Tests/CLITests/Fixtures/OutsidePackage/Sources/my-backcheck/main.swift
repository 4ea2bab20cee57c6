import BackCheckCLI
import BuiltinEvaluators
import MinimumEvaluator

BackCheckCLI.main(evaluators: BuiltinEvaluators.all + [MinimumPlugin()])
